import { engineDay } from "../../time/calendar-date";
import { addToDate, startOfUnit, unitsBetween, type Unit } from "../../time/calendar-units";
import { formatDate } from "../../time/format";
import { dateOf } from "../../time/zone";

export const MAX_BUCKETS = 1500;
const COARSER: Record<Unit, Unit | null> = {
  day: "week",
  week: "month",
  month: "quarter",
  quarter: "year",
  year: null,
};

/**
 * Labels (local start dates) of every bucket from one instant to another, inclusive of both.
 * Counted first, then listed: labels are never compared as text, which breaks past year 9999
 * ("10000-01-01" sorts before "9999-12-31"). More than MAX_BUCKETS is a caller's error
 * (`fittingUnit` and the series' span keep charts below it), refused rather than listed.
 */
export function bucketLabels(first: number, last: number, unit: Unit, timeZone: string): string[] {
  const count = bucketCount(first, last, unit, timeZone);
  if (count > MAX_BUCKETS) {
    throw new RangeError(
      `${count} ${unit} buckets asked for; a chart draws at most ${MAX_BUCKETS}`,
    );
  }
  const labels: string[] = [];
  let date = startOfUnit(dateOf(first, timeZone), unit);
  for (let i = 0; i < count; i++) {
    labels.push(formatDate(date));
    date = addToDate(date, 1, unit);
  }
  return labels;
}

/** How many buckets of a unit the span from one instant to another covers, without listing them. */
export function bucketCount(first: number, last: number, unit: Unit, timeZone: string): number {
  return unitsBetween(dateOf(first, timeZone), dateOf(last, timeZone), unit) + 1;
}

/**
 * The requested timescale, or a coarser one when the span would draw more than MAX_BUCKETS bars.
 * Counted, not listed, so a span of thousands of years costs nothing.
 */
export function fittingUnit(first: number, last: number, unit: Unit, timeZone: string): Unit {
  let current = unit;
  while (COARSER[current] && bucketCount(first, last, current, timeZone) > MAX_BUCKETS) {
    current = COARSER[current]!;
  }
  return current;
}

/** The label of the bucket holding a local day (`YYYY-MM-DD`): its first day at that timescale. */
export function bucketOfDay(day: string, unit: Unit): string {
  return unit === "day" ? day : formatDate(startOfUnit(engineDay(day), unit));
}
