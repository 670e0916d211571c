import { addUnits, startOfUnit } from "./resolve-timeframe";
import type { Unit } from "./timeframe";
import { dateOf, formatDate, type CalendarDate } from "./zoned-time";

export const MAX_BUCKETS = 1500;
const COARSER: Record<Unit, Unit | null> = {
  day: "week",
  week: "month",
  month: "quarter",
  quarter: "year",
  year: null,
};

/** Labels (local start dates) of every bucket from one instant to another, inclusive of both. */
export function bucketLabels(first: number, last: number, unit: Unit, timeZone: string): string[] {
  const labels: string[] = [];
  const end = formatDate(startOfUnit(dateOf(last, timeZone), unit));
  let date = startOfUnit(dateOf(first, timeZone), unit);
  for (let label = formatDate(date); label <= end; label = formatDate(date)) {
    labels.push(label);
    date = addUnits(date, 1, unit);
  }
  return labels;
}

const DAY_MS = 86_400_000;

/** How many buckets of a unit the span from one instant to another covers, without listing them. */
export function bucketCount(first: number, last: number, unit: Unit, timeZone: string): number {
  const a = startOfUnit(dateOf(first, timeZone), unit);
  const b = startOfUnit(dateOf(last, timeZone), unit);
  const months = (b.year - a.year) * 12 + (b.month - a.month);
  switch (unit) {
    case "day":
      return (
        Math.round(
          (Date.UTC(b.year, b.month - 1, b.day) - Date.UTC(a.year, a.month - 1, a.day)) / DAY_MS,
        ) + 1
      );
    case "week":
      return (
        Math.round(
          (Date.UTC(b.year, b.month - 1, b.day) - Date.UTC(a.year, a.month - 1, a.day)) /
            (7 * DAY_MS),
        ) + 1
      );
    case "month":
      return months + 1;
    case "quarter":
      return months / 3 + 1;
    case "year":
      return b.year - a.year + 1;
  }
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

/** An engine's own `YYYY-MM-DD` (possibly before 1970 west of Greenwich), not user input. */
export function engineDay(day: string): CalendarDate {
  const [year, month, date] = day.split("-").map(Number);
  return { year, month, day: date };
}
