import "server-only";
import type { OpenDatabase } from "../../db/open";
import type { DailyCount } from "../engine";
import type { TabScope } from "../scope";
import { matchingActions } from "./matching-actions";

// Grouped on the integer type id; names are joined to the few result rows, not to every action.
export async function pgDailyCounts(db: OpenDatabase, scope: TabScope): Promise<DailyCount[]> {
  const { prisma } = db;
  const { from, where } = matchingActions(scope);
  const rows = await prisma.$queryRaw<{ day: string; type: string; occurrences: bigint }[]>`
    SELECT c.day, t.name AS type, c.occurrences FROM (
      SELECT to_char(a.occurred_at AT TIME ZONE ${scope.timezone}, 'YYYY-MM-DD') AS day,
             a.action_type_id, count(*) AS occurrences
      FROM ${from} WHERE ${where}
      GROUP BY 1, 2) c
    JOIN action_types t ON t.program_id = ${scope.programId} AND t.id = c.action_type_id`;
  return rows.map((r) => ({ ...r, occurrences: Number(r.occurrences) }));
}
