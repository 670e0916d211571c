import "server-only";
import { getPrisma } from "../../db/client";

import { bucketLabels, fittingUnit } from "../buckets";
import type { Unit } from "../timeframe";
import { matchingActions, type TabScope } from "./tab-scope";

export interface Series {
  /** The timescale drawn: the requested one, or coarser when the span is too long. */
  unit: Unit;
  requestedUnit: Unit;
  types: string[];
  /** One row per bucket, every bucket present (empty ones as zeros). */
  rows: ({ bucket: string } & Record<string, number | string>)[];
}

/** Occurrences over time by timescale, stacked by action type, bucketed in the program's zone. */
export async function getSeries(scope: TabScope): Promise<Series> {
  const prisma = await getPrisma();
  const { from, where } = matchingActions(scope);
  const requestedUnit = scope.filters.timescale;
  const [extent] = await prisma.$queryRaw<{ first: Date | null; last: Date | null }[]>`
    SELECT min(a.occurred_at) AS first, max(a.occurred_at) AS last FROM ${from} WHERE ${where}`;
  const first = scope.range.start ?? extent.first?.getTime() ?? null;
  // Up to the end of the timeframe; open-ended ones run to now, "any time" to the last action.
  const lastAction = extent.last?.getTime() ?? null;
  const last =
    scope.range.end !== null
      ? scope.range.end - 1
      : scope.range.start === null
        ? (lastAction ?? scope.asOf)
        : Math.max(scope.asOf, lastAction ?? scope.asOf);
  if (first === null || last < first)
    return { unit: requestedUnit, requestedUnit, types: [], rows: [] };
  const unit = fittingUnit(first, last, requestedUnit, scope.timezone);

  // Grouped on the integer type id; names are joined to the few result rows, not to every action.
  const counts = await prisma.$queryRaw<{ bucket: string; type: string; occurrences: bigint }[]>`
    SELECT c.bucket, t.name AS type, c.occurrences FROM (
      SELECT to_char(date_trunc(${unit}, a.occurred_at AT TIME ZONE ${scope.timezone}), 'YYYY-MM-DD') AS bucket,
             a.action_type_id, count(*) AS occurrences
      FROM ${from} WHERE ${where}
      GROUP BY 1, 2) c
    JOIN action_types t ON t.program_id = ${scope.programId} AND t.id = c.action_type_id`;
  const types = [...new Set(counts.map((c) => c.type))].sort();
  const rows = bucketLabels(first, last, unit, scope.timezone).map((bucket) => {
    const row: { bucket: string } & Record<string, number | string> = { bucket };
    for (const type of types) row[type] = 0;
    return row;
  });
  const byBucket = new Map(rows.map((r) => [r.bucket, r]));
  for (const c of counts) {
    const row = byBucket.get(c.bucket);
    if (row) row[c.type] = Number(c.occurrences);
  }
  return { unit, requestedUnit, types, rows };
}
