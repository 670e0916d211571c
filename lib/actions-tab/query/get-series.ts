import "server-only";
import { bucketLabels, bucketOfDay, fittingUnit } from "../buckets";
import type { Unit } from "../timeframe";
import type { TabScope } from "./tab-scope";

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
  const requestedUnit = scope.filters.timescale;
  const counts = await scope.engine.dailyCounts(scope);
  const first = scope.range.start ?? counts.first;
  // Up to the end of the timeframe; open-ended ones run to now, "any time" to the last action.
  const lastAction = counts.last;
  const last =
    scope.range.end !== null
      ? scope.range.end - 1
      : scope.range.start === null
        ? (lastAction ?? scope.asOf)
        : Math.max(scope.asOf, lastAction ?? scope.asOf);
  if (first === null || last < first)
    return { unit: requestedUnit, requestedUnit, types: [], rows: [] };
  const unit = fittingUnit(first, last, requestedUnit, scope.timezone);

  const types = [...new Set(counts.days.map((c) => c.type))].sort();
  const rows = bucketLabels(first, last, unit, scope.timezone).map((bucket) => {
    const row: { bucket: string } & Record<string, number | string> = { bucket };
    for (const type of types) row[type] = 0;
    return row;
  });
  const byBucket = new Map(rows.map((r) => [r.bucket, r]));
  for (const c of counts.days) {
    const row = byBucket.get(bucketOfDay(c.day, unit));
    if (row) row[c.type] = Number(row[c.type]) + c.occurrences;
  }
  return { unit, requestedUnit, types, rows };
}
