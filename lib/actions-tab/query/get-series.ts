import "server-only";
import { bucketLabels, fittingUnit } from "../buckets";
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
  const extent = await scope.engine.actionExtent(scope);
  const first = scope.range.start ?? extent.first;
  // Up to the end of the timeframe; open-ended ones run to now, "any time" to the last action.
  const lastAction = extent.last;
  const last =
    scope.range.end !== null
      ? scope.range.end - 1
      : scope.range.start === null
        ? (lastAction ?? scope.asOf)
        : Math.max(scope.asOf, lastAction ?? scope.asOf);
  if (first === null || last < first)
    return { unit: requestedUnit, requestedUnit, types: [], rows: [] };
  const unit = fittingUnit(first, last, requestedUnit, scope.timezone);

  const counts = await scope.engine.seriesCounts(scope, unit);
  const types = [...new Set(counts.map((c) => c.type))].sort();
  const rows = bucketLabels(first, last, unit, scope.timezone).map((bucket) => {
    const row: { bucket: string } & Record<string, number | string> = { bucket };
    for (const type of types) row[type] = 0;
    return row;
  });
  const byBucket = new Map(rows.map((r) => [r.bucket, r]));
  for (const c of counts) {
    const row = byBucket.get(c.bucket);
    if (row) row[c.type] = c.occurrences;
  }
  return { unit, requestedUnit, types, rows };
}
