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
  if (shift && current.start !== null) {
    const cut = current.end === null ? now : Math.min(current.end, Math.max(now, current.start));
    previous = {
      start: Math.max(
        EARLIEST_INSTANT,
        addToInstant(current.start, -shift.n, shift.unit, timeZone),
      ),
      end: Math.max(EARLIEST_INSTANT, addToInstant(cut, -shift.n, shift.unit, timeZone)),
    };
  }
  return {
    current,
    previous,
    description: formatDayRange(
      current.start,
      current.end ?? (tf.kind === "past" ? now + 1 : null),
      timeZone,
    ),
  };
}
