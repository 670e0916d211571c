import type { Timeframe, Unit } from "./timeframe";
import {
  addToDate,
  dateOf,
  formatDate,
  fromWallTime,
  parseDate,
  startOfDate,
  toWallTime,
  type CalendarDate,
} from "./zoned-time";

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
  /** The equal period before, for the tiles' change; null when there is none (any time, before, since). */
  previous: InstantRange | null;
  /** Concrete local dates, e.g. "2026-10-25 – 2026-11-23", for file headers and the filter summary. */
  description: string;
}

export function startOfUnit(date: CalendarDate, unit: Unit): CalendarDate {
  switch (unit) {
    case "day":
      return date;
    case "week": {
      const weekday = new Date(Date.UTC(date.year, date.month - 1, date.day)).getUTCDay();
      return addToDate(date, -((weekday + 6) % 7), "day"); // weeks start on Monday
    }
    case "month":
      return { ...date, day: 1 };
    case "quarter":
      return { year: date.year, month: Math.floor((date.month - 1) / 3) * 3 + 1, day: 1 };
    case "year":
      return { year: date.year, month: 1, day: 1 };
  }
}

export function addUnits(date: CalendarDate, n: number, unit: Unit): CalendarDate {
  switch (unit) {
    case "day":
      return addToDate(date, n, "day");
    case "week":
      return addToDate(date, 7 * n, "day");
    case "month":
      return addToDate(date, n, "month");
    case "quarter":
      return addToDate(date, 3 * n, "month");
    case "year":
      return addToDate(date, 12 * n, "month");
  }
}

/** Moves an instant by calendar units in the zone, keeping its local time of day. */
function shiftInstant(instant: number, n: number, unit: Unit, timeZone: string): number {
  const wall = toWallTime(instant, timeZone);
  const date = addUnits({ year: wall.year, month: wall.month, day: wall.day }, n, unit);
  return fromWallTime({ ...wall, ...date }, timeZone);
}

function describe(start: number | null, end: number | null, timeZone: string): string {
  const startText = start === null ? null : formatDate(dateOf(start, timeZone));
  // The end is exclusive: show the last included day.
  const endText = end === null ? null : formatDate(dateOf(end - 1, timeZone));
  if (startText && endText) return startText === endText ? startText : `${startText} – ${endText}`;
  if (startText) return `${startText} onwards`;
  if (endText) return `up to ${endText}`;
  return "all time";
}

/**
 * Turns a timeframe into instants for a zone and a moment. "Past N units" includes the current
 * partial unit; "complete" excludes it; "this/last unit" are whole calendar units; ranges are
 * start-inclusive, end-exclusive. The previous period is the same span shifted back, cut at the
 * same point in time as the current one (period-to-date), so partial periods compare fairly.
 */
export function resolveTimeframe(tf: Timeframe, timeZone: string, now: number): ResolvedTimeframe {
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
        ? { start: at(addUnits(unitStart, -tf.n, tf.unit)), end: at(unitStart) }
        : { start: at(addUnits(unitStart, -(tf.n - 1), tf.unit)), end: null };
      shift = { n: tf.n, unit: tf.unit };
      break;
    }
    case "this":
    case "last": {
      const unitStart = addUnits(startOfUnit(today, tf.unit), tf.kind === "last" ? -1 : 0, tf.unit);
      current = { start: at(unitStart), end: at(addUnits(unitStart, 1, tf.unit)) };
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
      const days = Math.round(
        (Date.UTC(to.year, to.month - 1, to.day) - Date.UTC(from.year, from.month - 1, from.day)) /
          86_400_000,
      );
      shift = { n: days, unit: "day" };
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
  if (shift && current.start !== null) {
    const cut = current.end === null ? now : Math.min(current.end, Math.max(now, current.start));
    previous = {
      start: Math.max(
        EARLIEST_INSTANT,
        shiftInstant(current.start, -shift.n, shift.unit, timeZone),
      ),
      end: Math.max(EARLIEST_INSTANT, shiftInstant(cut, -shift.n, shift.unit, timeZone)),
    };
  }
  return {
    current,
    previous,
    description: describe(
      current.start,
      current.end ?? (tf.kind === "past" ? now + 1 : null),
      timeZone,
    ),
  };
}
