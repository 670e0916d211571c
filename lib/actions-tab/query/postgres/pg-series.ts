import "server-only";
import { getPrisma } from "../../../db/client";
import type { DailyCounts } from "../tab-engine";
import type { TabScope } from "../tab-scope";
import { matchingActions } from "./matching-actions";

// Grouped on the integer type id; names are joined to the few result rows, not to every action.
export async function pgDailyCounts(scope: TabScope): Promise<DailyCounts> {
  const prisma = await getPrisma();
  const { from, where } = matchingActions(scope);
  const rows = await prisma.$queryRaw<
    { day: string; type: string; occurrences: bigint; first: Date; last: Date }[]
  >`
    SELECT c.day, t.name AS type, c.occurrences, c.first, c.last FROM (
      SELECT to_char(a.occurred_at AT TIME ZONE ${scope.timezone}, 'YYYY-MM-DD') AS day,
             a.action_type_id, count(*) AS occurrences,
             min(a.occurred_at) AS first, max(a.occurred_at) AS last
      FROM ${from} WHERE ${where}
      GROUP BY 1, 2) c
    JOIN action_types t ON t.program_id = ${scope.programId} AND t.id = c.action_type_id`;
  return {
    first: rows.length ? rows.reduce((m, r) => Math.min(m, r.first.getTime()), Infinity) : null,
    last: rows.length ? rows.reduce((m, r) => Math.max(m, r.last.getTime()), -Infinity) : null,
    days: rows.map((r) => ({ day: r.day, type: r.type, occurrences: Number(r.occurrences) })),
  };
}
