import "server-only";
import { engineDay, type CalendarDate } from "../time/calendar-date";
import { addToDate } from "../time/calendar-units";
import { dateOf, startOfDate } from "../time/zone";
import {
  bucketCount,
  bucketLabels,
  bucketOfDay,
  fittingUnit,
  MAX_BUCKETS,
} from "./timeframe/buckets";
import type { Unit } from "./timeframe/timeframe";
import { OTHER_TYPES, seriesColors } from "./chart/series-colors";
import { BY_TYPE, type Breakdown } from "./breakdown/breakdown";
import { chooseBreakdownSeries } from "./breakdown/breakdown-series";
import { bucketOfInstant } from "./chart/period-label";
import type { DailyCount } from "./engine";
import { comparedCounts, comparedLine, type ComparedLine } from "./chart/compared-line";
import type { TabScope } from "./scope";

/**
 * The chart stacks at most this many series: the ten most frequent types (or groups, tags… of
 * the breakdown) of the view, then one OTHER_TYPES ("Others") series summing the rest. Every consumer (screen, its table for screen readers, the
 * CSV and PDF) reads the series from here, so none grows with the number of types.
 */
export const MAX_SERIES = 11;
export { OTHER_TYPES };

export interface Series {
  /** The timescale drawn: the requested one, or coarser when the span is too long. */
  unit: Unit;
  requestedUnit: Unit;
  /** What the bars are stacked by (`stack_by`; action type unless asked). */
  by: Breakdown;
  /** The chart's series, by name; OTHER_TYPES last when some types are summed into it. */
  types: string[];
  /** The name of the series summing the rest (OTHER_TYPES, or "Others" for other breakdowns). */
  other: string;
  /** Each series' colour (chart/series-colors.ts): the program's colour of its type. */
  colors: Record<string, string>;
  /** Series of `types` the URL hides: not drawn, not in the chart's files (numbers ignore it). */
  hidden: string[];
  /** The bucket still under way at the view's moment, drawn as partial; null when none is. */
  partialBucket: string | null;
  /** How many action types (groups, …) the other series sums (0: every one has its own). */
  otherTypes: number;
  /** One row per bucket, every bucket present (empty ones as zeros). */
  rows: ({ bucket: string } & Record<string, number | string>)[];
  /** The period compared with, as a line over the bars; null when nothing is compared. */
  compared: ComparedLine | null;
}

/**
 * The start of the first day with actions and the end of the last: the chart's buckets depend only
 * on the local dates of its ends.
 */
function dayExtent(counts: DailyCount[], timeZone: string) {
  if (counts.length === 0) return { first: null, last: null };
  // Compared as dates, not text: east of Greenwich the last storable instant falls on 10000-01-01.
  const days = counts.map(({ day }) => engineDay(day));
  const order = (d: CalendarDate) => (d.year * 100 + d.month) * 100 + d.day;
  let firstDay = days[0];
  let lastDay = firstDay;
  for (const day of days) {
    if (order(day) < order(firstDay)) firstDay = day;
    if (order(day) > order(lastDay)) lastDay = day;
  }
  return {
    first: startOfDate(firstDay, timeZone),
    last: startOfDate(addToDate(lastDay, 1, "day"), timeZone) - 1,
  };
}

/** Occurrences over time by timescale, stacked by action type, bucketed in the program's zone. */
export async function getSeries(scope: TabScope): Promise<Series> {
  const requestedUnit = scope.filters.timescale;
  const by = scope.stackBy ?? BY_TYPE;
  // The compared period's line does not wait for the bars' counts.
  const previousCounts = comparedCounts(scope);
  // Not always awaited (an empty chart returns early): its failure must not go unhandled.
  previousCounts.catch(() => undefined);
  const chosen = by.kind === "type" ? null : await chooseBreakdownSeries(scope, by, MAX_SERIES);
  const counts = chosen ? chosen.counts : await scope.engine.dailyCounts(scope);
  const extent = dayExtent(counts, scope.timezone);
  let first = scope.range.start ?? extent.first;
  // Up to the end of the timeframe; open-ended ones run to now, "any time" to the last action.
  const lastAction = extent.last;
  let last =
    scope.range.end !== null
      ? scope.range.end - 1
      : scope.range.start === null
        ? (lastAction ?? scope.asOf)
        : Math.max(scope.asOf, lastAction ?? scope.asOf);
  if (first === null || last < first)
    return {
      unit: requestedUnit,
      requestedUnit,
      by,
      other: chosen?.other ?? OTHER_TYPES,
      types: [],
      colors: {},
      hidden: [],
      partialBucket: null,
      otherTypes: 0,
      rows: [],
      compared: null,
    };
  if (bucketCount(first, last, "year", scope.timezone) > MAX_BUCKETS) {
    // A timeframe of thousands of years (range_1970-01-01_9999-12-31): draw the part that holds
    // actions, or the years up to now when none do; every matching action stays in the chart.
    first = Math.max(first, extent.first ?? Math.min(last, scope.asOf));
    last = Math.max(first, Math.min(last, lastAction ?? Math.min(last, scope.asOf)));
    const lastYear = dateOf(last, scope.timezone).year;
    const earliest = startOfDate(
      { year: lastYear - MAX_BUCKETS + 1, month: 1, day: 1 },
      scope.timezone,
    );
    first = Math.max(first, earliest);
  }
  const unit = fittingUnit(first, last, requestedUnit, scope.timezone);

  const { seriesOf, types, otherTypes } = chosen ?? chooseSeries(counts);
  const other = chosen?.other ?? OTHER_TYPES;
  const rows = bucketLabels(first, last, unit, scope.timezone).map((bucket) => {
    const row: { bucket: string } & Record<string, number | string> = { bucket };
    for (const type of types) row[type] = 0;
    return row;
  });
  const byBucket = new Map(rows.map((r) => [r.bucket, r]));
  for (const c of counts) {
    const row = byBucket.get(bucketOfDay(c.day, unit));
    const series = seriesOf(c.type);
    if (row) row[series] = Number(row[series]) + c.occurrences;
  }
  // The series are chosen before hiding: hiding a noisy type does not pull another out of "Other".
  const hiddenSet = new Set(scope.hiddenSeries ?? []);
  const current = bucketOfInstant(scope.asOf, unit, scope.timezone);
  return {
    unit,
    requestedUnit,
    by,
    other,
    types,
    colors: chosen ? chosen.colors : seriesColors(types, scope.typeColors ?? new Map()),
    hidden: types.filter((t) => hiddenSet.has(t)),
    partialBucket: byBucket.has(current) ? current : null,
    otherTypes,
    rows,
    compared: await comparedLine(
      scope,
      rows.map((r) => r.bucket),
      unit,
      previousCounts,
    ),
  };
}

/**
 * The series to draw: every type when they fit, else the MAX_SERIES − 1 with the most occurrences
 * (ties by name) in name order, then OTHER_TYPES for the rest.
 */
function chooseSeries(counts: DailyCount[]) {
  const totals = new Map<string, number>();
  for (const c of counts) totals.set(c.type, (totals.get(c.type) ?? 0) + c.occurrences);
  const all = [...totals.keys()].sort();
  if (all.length <= MAX_SERIES)
    return { seriesOf: (type: string) => type, types: all, otherTypes: 0 };
  const kept = new Set(
    [...all]
      .sort((a, b) => totals.get(b)! - totals.get(a)! || (a < b ? -1 : 1))
      .slice(0, MAX_SERIES - 1),
  );
  return {
    seriesOf: (type: string) => (kept.has(type) ? type : OTHER_TYPES),
    types: [...all.filter((t) => kept.has(t)), OTHER_TYPES],
    otherTypes: all.length - kept.size,
  };
}
