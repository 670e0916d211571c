import { parseDate, type CalendarDate } from "../../time/calendar-date";
import {
  addToDate,
  addToInstant,
  startOfUnit,
  unitsBetween,
  type Unit,
} from "../../time/calendar-units";
import { formatDayRange } from "../../time/format";
import { dateOf, startOfDate } from "../../time/zone";
import type { Timeframe } from "./timeframe";

/** What the tiles, the chart's line and the table's columns compare the timeframe with. */
export const COMPARISONS = ["previous_period", "previous_year", "none"] as const;
export type Comparison = (typeof COMPARISONS)[number];

/**
 * The earliest instant a period is asked for. No action is older than 1970 (the API refuses
 * earlier times) and ClickHouse's DateTime64 starts in 1900, so cutting there changes no number;
 * it keeps the period before a range of thousands of years (range_1970-01-01_9999-12-31) from
 * asking PostgreSQL for a year it cannot hold.
 */
const EARLIEST_INSTANT = Date.UTC(1900, 0, 1);

/** Half-open instant range [start, end); null = unbounded on that side. */
export interface InstantRange {
  start: number | null;
  end: number | null;
}

interface ResolvedTimeframe {
  current: InstantRange;
  /**
   * The period compared with (the tiles' change, the chart's line, the table's columns): the
   * equal period before or the same period a year before; null when there is none (any time,
   * before, since, or `none`).
   */
  previous: InstantRange | null;
  /** The timeframe's span when a period is compared (the chart's line aligns by it). */
  compareShift: { n: number; unit: Unit } | null;
  /** Concrete local dates, e.g. "2026-10-25 – 2026-11-23", for file headers and the filter summary. */
  description: string;
}

/**
 * Turns a timeframe into instants for a zone and a moment. "Past N units" includes the current
 * partial unit; "complete" excludes it; "this/last unit" are whole calendar units; ranges are
 * start-inclusive, end-exclusive. The period compared with (`compare`):
 * - previous_period: the same span shifted back, cut at the same point in time as the current one
 *   (period-to-date), so partial periods compare fairly;
 * - previous_year: the same calendar period a year before in the program's zone (comparisonRange).
 */
export function resolveTimeframe(
  tf: Timeframe,
  timeZone: string,
  now: number,
  compare: Comparison = "previous_period",
): ResolvedTimeframe {
  const today = dateOf(now, timeZone);
  const at = (date: CalendarDate) => startOfDate(date, timeZone);
  let current: InstantRange;
  let shift: { n: number; unit: Unit } | null = null;

  switch (tf.kind) {
    case "any":
      current = { start: null, end: null };
      break;
    case "past": {
      const unitStart = startOfUnit(today, tf.unit);
      current = tf.complete
        ? { start: at(addToDate(unitStart, -tf.n, tf.unit)), end: at(unitStart) }
        : { start: at(addToDate(unitStart, -(tf.n - 1), tf.unit)), end: null };
      shift = { n: tf.n, unit: tf.unit };
      break;
    }
    case "this":
    case "last": {
      const unitStart = addToDate(
        startOfUnit(today, tf.unit),
        tf.kind === "last" ? -1 : 0,
        tf.unit,
      );
      current = { start: at(unitStart), end: at(addToDate(unitStart, 1, tf.unit)) };
      shift = { n: 1, unit: tf.unit };
      break;
    }
    case "on": {
      const day = parseDate(tf.date)!;
      current = { start: at(day), end: at(addToDate(day, 1, "day")) };
      shift = { n: 1, unit: "day" };
      break;
    }
    case "range": {
      const from = parseDate(tf.from)!;
      const to = parseDate(tf.to)!;
      current = { start: at(from), end: at(to) };
      shift = { n: unitsBetween(from, to, "day"), unit: "day" };
      break;
    }
    case "before":
      current = { start: null, end: at(parseDate(tf.date)!) };
      break;
    case "since":
      current = { start: at(parseDate(tf.date)!), end: null };
      break;
  }

  let previous: InstantRange | null = null;
  if (shift && current.start !== null && compare !== "none") {
    // A period under way is compared up to the same moment of the other one.
    const cut = current.end === null ? now : Math.min(current.end, Math.max(now, current.start));
    previous =
      compare === "previous_period"
        ? {
            start: addToInstant(current.start, -shift.n, shift.unit, timeZone),
            end: addToInstant(cut, -shift.n, shift.unit, timeZone),
          }
        : previousYear(
            current.start,
            current.end === cut ? null : cut,
            current.end,
            shift.unit,
            timeZone,
          );
    previous = {
      start: Math.max(EARLIEST_INSTANT, previous.start!),
      end: Math.max(EARLIEST_INSTANT, previous.end!),
    };
  }
  // The timeframe's span: the previous period's dates are the timeframe's moved back by it (a
  // year back, the chart picks its own step by timescale: compared-line.ts).
  const compareShift = previous && shift ? shift : null;
  return {
    current,
    previous,
    compareShift,
    description: formatDayRange(
      current.start,
      current.end ?? (tf.kind === "past" ? now + 1 : null),
      timeZone,
    ),
  };
}

/**
 * The same calendar period a year before, in the zone: months, quarters and years compare with
 * the same months (February 2025 with all of February 2024, its 29th included); weeks with the
 * weeks 52 weeks before (the same weekdays); days and custom ranges with the same dates, the 29th
 * of February becoming the 28th (29 Feb 2024 compares with 28 Feb 2023, and a range ending on
 * 28 Feb 2025 with one ending on 28 Feb 2024). A period under way (`cut`, an instant) compares
 * with the same local time of day a year (52 weeks) before.
 */
export function previousYear(
  start: number,
  cut: number | null,
  end: number | null,
  unit: Unit,
  timeZone: string,
): { start: number; end: number } {
  const back = (date: CalendarDate) =>
    unit === "week" ? addToDate(date, -52, "week") : addToDate(date, -1, "year");
  const at = (date: CalendarDate) => startOfDate(date, timeZone);
  const from = at(back(dateOf(start, timeZone)));
  if (cut !== null) {
    return {
      start: from,
      end:
        unit === "week"
          ? addToInstant(cut, -52, "week", timeZone)
          : addToInstant(cut, -1, "year", timeZone),
    };
  }
  const endDate = dateOf(end!, timeZone);
  // Calendar units end on a unit's first day, which every year has; days end after their last
  // day included, which moves like any date (29 February to the 28th).
  const to =
    unit === "month" || unit === "quarter" || unit === "year"
      ? at(back(endDate))
      : at(addToDate(back(addToDate(endDate, -1, "day")), 1, "day"));
  return { start: from, end: to };
}
