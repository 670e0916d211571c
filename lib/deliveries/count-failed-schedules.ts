import "server-only";
import type { PrismaClient } from "../generated/prisma/client";

/** Schedules whose latest delivery failed after every retry: the nav shows the count. */
export async function countFailedSchedules(
  prisma: PrismaClient,
  programId: number,
): Promise<number> {
  const [{ count }] = await prisma.$queryRaw<{ count: number }[]>`
    SELECT count(*)::int AS count FROM delivery_schedules s
    WHERE s.program_id = ${programId}
      AND (SELECT d.status FROM deliveries d
           WHERE d.program_id = s.program_id AND d.schedule_id = s.id
           ORDER BY d.id DESC LIMIT 1) = 'failed'`;
  return count;
}
