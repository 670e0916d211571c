import type { PrismaClient } from "../generated/prisma/client";
import { chsql, chTable } from "./ch-sql";
import type { ClickHouse } from "./clickhouse";
import { deleteProgramAnalytics } from "./delete-program-analytics";
import { ANALYTICS_TABLES } from "./schema";

/**
 * Removes from the copy every program PostgreSQL no longer has: a deletion whose ClickHouse part
 * failed (the copy was unreachable after PostgreSQL committed), or rows a backfill copied while
 * the program was being deleted. Run when a process opens the copy and after a backfill. Returns
 * the ids removed.
 */
export async function purgeDeletedPrograms(
  prisma: PrismaClient,
  ch: ClickHouse,
): Promise<number[]> {
  const inCopy = new Set<number>();
  for (const table of ANALYTICS_TABLES) {
    const rows = await ch.query<{ program_id: number }>(
      chsql`SELECT DISTINCT program_id FROM ${chTable(table)}`,
    );
    for (const row of rows) inCopy.add(Number(row.program_id));
  }
  if (inCopy.size === 0) return [];
  const kept = await prisma.$queryRaw<{ id: number }[]>`
    SELECT id FROM programs WHERE id = ANY(${[...inCopy]}::int[])`;
  for (const { id } of kept) inCopy.delete(id);
  const gone = [...inCopy];
  await deleteProgramAnalytics(ch, gone);
  return gone;
}
