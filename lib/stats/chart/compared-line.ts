import "server-only";
import { engineDay } from "../../time/calendar-date";
import { formatDate } from "../../time/format";
import { addToDate } from "../../time/calendar-units";
import { bucketOfDay } from "../timeframe/buckets";
import type { Unit } from "../timeframe/timeframe";
import type { DailyCount } from "../engine";
import type { TabScope } from "../scope";
import { comparisonWords, describePreviousPeriod } from "../previous-period";

/** The chart's line: the period compared with, its total per bucket of the timeframe. */
export interface ComparedLine {
  /** "Previous period" or "Same period last year". */
  title: string;
  /** Its local days, e.g. "2025-11-06 – 2025-12-05". */
  dates: string;
  /** Per bucket of the chart: the compared bucket (its start) and its occurrences. */
  points: { bucket: string; occurrences: number }[];
}

/**
 * Each bucket of the chart beside the bucket of the compared period holding the same date moved
 * back (by the timeframe's span; or a year, 29 February to the 28th, and weekly bars by 52 weeks,
 * so weeks face the same weekdays), with that
 * bucket's occurrences inside the compared period. Hidden series still count: the line is the
 * compared period's total, as the tiles are.
 */
export async function comparedLine(
  scope: TabScope,
  buckets: string[],
  unit: Unit,
  /** The compared period's counts when already asked for (comparedCounts), else read here. */
  asked: Promise<DailyCount[] | null> = comparedCounts(scope),
): Promise<ComparedLine | null> {
  if (!scope.previous || !scope.compareShift) return null;
  // The previous period: back by the timeframe's span. A year back, weekly bars compare week with
  // week (52 weeks), others date with date.
  const shift =
    scope.filters.compare !== "previous_year"
      ? scope.compareShift
      : unit === "week"
        ? { n: 52, unit: "week" as const }
        : { n: 1, unit: "year" as const };
  const counts = (await asked) ?? [];
  const totals = new Map<string, number>();
  for (const c of counts) {
    const bucket = bucketOfDay(c.day, unit);
    totals.set(bucket, (totals.get(bucket) ?? 0) + c.occurrences);
  }
  return {
    title: comparisonWords(scope).title,
    dates: describePreviousPeriod(scope) ?? "",
    points: buckets.map((bucket) => {
      const back = bucketOfDay(
        formatDate(addToDate(engineDay(bucket), -shift.n, shift.unit)),
        unit,
      );
      return { bucket: back, occurrences: totals.get(back) ?? 0 };
    }),
  };
}

/**
 * The compared period's daily counts (null when nothing is compared): asked for when the chart
 * starts, beside its own counts, as they do not depend on each other.
 */
export function comparedCounts(scope: TabScope): Promise<DailyCount[] | null> {
  if (!scope.previous || !scope.compareShift) return Promise.resolve(null);
  return scope.engine.dailyCounts({ ...scope, range: scope.previous, previous: null });
}
