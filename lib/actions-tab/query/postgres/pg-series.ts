import "server-only";
import { getPrisma } from "../../../db/client";
import type { Unit } from "../../timeframe";
import type { TabScope } from "../tab-scope";
import { matchingActions } from "./matching-actions";

export async function pgActionExtent(scope: TabScope) {
  const prisma = await getPrisma();
  const { from, where } = matchingActions(scope);
  const [extent] = await prisma.$queryRaw<{ first: Date | null; last: Date | null }[]>`
    SELECT min(a.occurred_at) AS first, max(a.occurred_at) AS last FROM ${from} WHERE ${where}`;
  return { first: extent.first?.getTime() ?? null, last: extent.last?.getTime() ?? null };
}

// Grouped on the integer type id; names are joined to the few result rows, not to every action.
export async function pgSeriesCounts(scope: TabScope, unit: Unit) {
  const prisma = await getPrisma();
  const { from, where } = matchingActions(scope);
  const counts = await prisma.$queryRaw<{ bucket: string; type: string; occurrences: bigint }[]>`
    SELECT c.bucket, t.name AS type, c.occurrences FROM (
      SELECT to_char(date_trunc(${unit}, a.occurred_at AT TIME ZONE ${scope.timezone}), 'YYYY-MM-DD') AS bucket,
             a.action_type_id, count(*) AS occurrences
      FROM ${from} WHERE ${where}
      GROUP BY 1, 2) c
    JOIN action_types t ON t.program_id = ${scope.programId} AND t.id = c.action_type_id`;
  return counts.map((c) => ({ ...c, occurrences: Number(c.occurrences) }));
}
