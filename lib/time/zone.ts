// An IANA zone's clock: the wall-clock time of an instant and the instant of a wall-clock time.
// Offsets come from @date-fns/tz (the runtime's zone data through Intl). Pure, so the browser can
// use it too.
import { tzOffset } from "@date-fns/tz";
import type { CalendarDate } from "./calendar-date";

export interface WallTime extends CalendarDate {
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
}

export function toWallTime(instant: number, timeZone: string): WallTime {
  return wallClock(instant + offsetAt(instant, timeZone));
}

/** Offset of the zone from UTC at an instant, in ms (e.g. −5 h for New York in winter). */
function offsetAt(instant: number, timeZone: string): number {
  const minutes = tzOffset(timeZone, new Date(instant));
  // @date-fns/tz 1.5 drops the sign of offsets between −1 h and 0 ("GMT-00:44:30", Africa/Monrovia
  // until 1972; date-fns#4279): the zone's own offset name says which side of Greenwich it is.
  const signed =
    minutes > 0 && minutes < 60 && westOfGreenwich(instant, timeZone) ? -minutes : minutes;
  return Math.round(signed * 60) * 1000;
}

function westOfGreenwich(instant: number, timeZone: string): boolean {
  return zoneNameAt(instant, timeZone, "longOffset").startsWith("GMT-");
}

const nameFormats = new Map<string, Intl.DateTimeFormat>();

/** The zone's name at an instant as Intl writes it: "short" → "EST", "longOffset" → "GMT-05:00". */
export function zoneNameAt(
  instant: number,
  timeZone: string,
  style: "short" | "longOffset",
  locale = "en-US",
): string {
  const key = `${locale} ${style} ${timeZone}`;
  let format = nameFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { timeZone, timeZoneName: style });
    nameFormats.set(key, format);
  }
  return format.formatToParts(instant).find((p) => p.type === "timeZoneName")?.value ?? "";
}

// Offsets change only at transitions, which fall on quarter hours of UTC: one lookup per quarter
// hour (checked at both ends) serves every instant in it, so formatting many times costs a few
// Date getters each.
const QUARTER_HOUR = 15 * 60_000;
const offsetCache = new Map<string, Map<number, number>>();

/** `offsetAt` for many instants: the same answer, cached per quarter hour. */
export function offsetAtCached(instant: number, timeZone: string): number {
  let zone = offsetCache.get(timeZone);
  if (!zone) offsetCache.set(timeZone, (zone = new Map()));
  const bucket = Math.floor(instant / QUARTER_HOUR);
  let offset = zone.get(bucket);
  if (offset === undefined) {
    const start = offsetAt(bucket * QUARTER_HOUR, timeZone);
    // A transition inside this quarter hour (never seen in practice): no shortcut.
    if (start !== offsetAt((bucket + 1) * QUARTER_HOUR - 1, timeZone)) {
      return offsetAt(instant, timeZone);
    }
    if (zone.size >= 100_000) zone.clear();
    zone.set(bucket, (offset = start));
  }
  return offset;
}

/** `toWallTime` for many instants: the same answer, the zone's offset cached per quarter hour. */
export function toWallTimeCached(instant: number, timeZone: string): WallTime {
  return wallClock(instant + offsetAtCached(instant, timeZone));
}

/** The fields of a wall-clock time held as UTC milliseconds (instant + offset). */
function wallClock(wallMs: number): WallTime {
  const wall = new Date(wallMs);
  return {
    year: wall.getUTCFullYear(),
    month: wall.getUTCMonth() + 1,
    day: wall.getUTCDate(),
    hour: wall.getUTCHours(),
    minute: wall.getUTCMinutes(),
    second: wall.getUTCSeconds(),
    millisecond: wall.getUTCMilliseconds(),
  };
}

function wallAsUtc(w: WallTime): number {
  return Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second, w.millisecond);
}

/**
 * The instant when the zone's clocks show this wall time: read with the offset in force at the
 * wall time taken as UTC, checked against the offset at the result. A time skipped by a DST jump
 * maps forward (02:30 on a spring-forward day → 03:30); a repeated time takes the occurrence
 * whose offset held at the wall time read as UTC (the first west of Greenwich, the second east).
 * Not `new TZDate(y, m, d, h, …, zone)`: its answer near a transition depends on the server's own
 * zone (date-fns/tz#13, #40), and this one may not.
 */
export function fromWallTime(w: WallTime, timeZone: string): number {
  const naive = wallAsUtc(w);
  const first = naive - offsetAt(naive, timeZone);
  const second = naive - offsetAt(first, timeZone);
  if (first === second) return first;
  // Around a transition the two guesses differ: the earlier if it reads back as the wall time.
  const [earlier, later] = first < second ? [first, second] : [second, first];
  return wallAsUtc(toWallTime(earlier, timeZone)) === naive ? earlier : later;
}

/** The local calendar date of an instant. */
export function dateOf(instant: number, timeZone: string): CalendarDate {
  const { year, month, day } = toWallTime(instant, timeZone);
  return { year, month, day };
}

/** The instant a local date begins (its midnight, or the first minute after a jump over it). */
export function startOfDate(date: CalendarDate, timeZone: string): number {
  return fromWallTime({ ...date, hour: 0, minute: 0, second: 0, millisecond: 0 }, timeZone);
}
