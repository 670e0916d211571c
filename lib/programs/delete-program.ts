import "server-only";
import type { ClickHouse } from "../analytics/clickhouse";
import { deleteProgramAnalytics } from "../analytics/delete-program-analytics";
import type { PrismaClient } from "../generated/prisma/client";
import { logger } from "../observability/logger.mjs";

/**
 * Deletes a program and everything of it: every PostgreSQL row (the tables that hold a program's
 * rows by `program_id`; rate limits are global and keyed by hash, not the program's) and then its
 * rows in the analytics copy, when there is one.
 *
 * Order, so the outbox worker cannot bring rows back: the program row is locked first, which
 * stops any new row of the program (every program-owned table has a foreign key to it, and its
 * check waits on that lock, then fails). Deleting the program's outbox rows waits for a drainer
 * that holds some of them, and a drainer inserts into ClickHouse before it commits, so after this
 * transaction commits no delivery of the program is in flight or left to start. Only then is the
 * copy cleared. If that fails, PostgreSQL has no trace of the program and `purgeDeletedPrograms`
 * (at the next start or `npm run analytics:sync`) clears the copy.
 */
export async function deleteProgram(
  prisma: PrismaClient,
  programId: number,
  analytics: ClickHouse | null,
): Promise<{ copyCleared: boolean }> {
  await prisma.$transaction(
    async (tx) => {
      await tx.$queryRaw`SELECT id FROM programs WHERE id = ${programId} FOR UPDATE`;
      // Removing a membership ends the member's sessions (a trigger), which is right for one
      // person losing access, not when the program itself goes: its members stay signed in for
      // their other programs. Their open sessions are locked, so a password change meanwhile
      // still ends them after this commits.
      const sessions = await tx.$queryRaw<{ id: string }[]>`
        SELECT s.id FROM user_sessions s JOIN memberships m ON m.user_id = s.user_id
        WHERE m.program_id = ${programId} AND s.ended_at IS NULL
        FOR UPDATE OF s`;
      // Foreign keys between a program's own tables restrict deletes (a reward keeps its action,
      // an action its partnership…): children first, then the program, whose delete cascades to
      // the rest.
      await tx.$executeRaw`DELETE FROM rewards WHERE program_id = ${programId}`;
      await tx.$executeRaw`DELETE FROM actions WHERE program_id = ${programId}`;
      await tx.$executeRaw`DELETE FROM reward_rules WHERE program_id = ${programId}`;
      await tx.$executeRaw`DELETE FROM customers WHERE program_id = ${programId}`;
      await tx.$executeRaw`DELETE FROM partnership_tags WHERE program_id = ${programId}`;
      await tx.$executeRaw`DELETE FROM partnerships WHERE program_id = ${programId}`;
      await tx.$executeRaw`DELETE FROM programs WHERE id = ${programId}`;
      await tx.$executeRaw`UPDATE user_sessions SET ended_at = NULL
        WHERE id = ANY(${sessions.map((s) => s.id)}::text[])`;
    },
    { timeout: 120_000, maxWait: 30_000 },
  );
  if (!analytics) return { copyCleared: true };
  try {
    await deleteProgramAnalytics(analytics, [programId]);
    return { copyCleared: true };
  } catch (error) {
    logger().warn(
      { err: error, program_id: programId },
      `Program ${programId} deleted; its analytics rows will be removed at the next start or npm run analytics:sync`,
    );
    return { copyCleared: false };
  }
}
