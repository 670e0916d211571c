// Calendar arithmetic in an IANA timezone with nothing but Intl: wall-clock parts of an instant,
// and the instant of a wall-clock time (DST-aware). Pure, so the browser can use it too.

interface WallTime {
  year: number;
  month: number; // 1–12
  day: number;
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string) {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
    });
    formatters.set(timeZone, f);
  }
  return f;
}

export function toWallTime(instant: number, timeZone: string): WallTime {
  const parts = formatter(timeZone).formatToParts(new Date(instant));
  const get = (type: Intl.DateTimeFormatPartTypes) =>
    Number(parts.find((p) => p.type === type)?.value);
  return {
    year: get("year"),
    month: get("month"),
    day: get("day"),
    hour: get("hour") % 24,
    minute: get("minute"),
    second: get("second"),
    millisecond: ((instant % 1000) + 1000) % 1000,
  };
}

function wallAsUtc(w: WallTime): number {
  return Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second, w.millisecond);
}

/** Offset of the zone from UTC at an instant, in ms (e.g. −5 h for New York in winter). */
function offsetAt(instant: number, timeZone: string): number {
  return wallAsUtc(toWallTime(instant, timeZone)) - instant;
}

// Offsets change only at transitions, which fall on quarter hours of UTC: one Intl lookup per
// quarter hour (checked at both ends) serves every instant in it. Exports format millions of
// times; this makes each a few Date getters instead of an Intl call.
const QUARTER_HOUR = 15 * 60_000;
const offsetCache = new Map<string, Map<number, number>>();

/** `toWallTime` for many instants: the same answer, the zone's offset cached per quarter hour. */
export function toWallTimeCached(instant: number, timeZone: string): WallTime {
  let zone = offsetCache.get(timeZone);
  if (!zone) offsetCache.set(timeZone, (zone = new Map()));
  const bucket = Math.floor(instant / QUARTER_HOUR);
  let offset = zone.get(bucket);
  if (offset === undefined) {
    const start = offsetAt(bucket * QUARTER_HOUR, timeZone);
    // A transition inside this quarter hour (never seen in practice): no shortcut.
    if (start !== offsetAt((bucket + 1) * QUARTER_HOUR - 1, timeZone)) {
      return toWallTime(instant, timeZone);
    }
    if (zone.size >= 100_000) zone.clear();
    zone.set(bucket, (offset = start));
  }
  const wall = new Date(instant + offset);
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

/**
 * The instant when the zone's clocks show this wall time. A time skipped by a DST jump maps
 * forward (02:30 on a spring-forward day → 03:30); a repeated time takes its first occurrence.
 */
export function fromWallTime(w: WallTime, timeZone: string): number {
  const naive = wallAsUtc(w);
  const first = naive - offsetAt(naive, timeZone);
  const second = naive - offsetAt(first, timeZone);
  if (first === second) return first;
  // Around a transition the two guesses differ: prefer the one that reads back as the wall time.
  const readsBack = (t: number) => wallAsUtc(toWallTime(t, timeZone)) === naive;
  if (readsBack(Math.min(first, second))) return Math.min(first, second);
  if (readsBack(Math.max(first, second))) return Math.max(first, second);
  return Math.max(first, second);
}

/** Local calendar date (midnight) as a plain object: the unit the timeframe maths works in. */
export interface CalendarDate {
  year: number;
  month: number;
  day: number;
}

export function dateOf(instant: number, timeZone: string): CalendarDate {
  const { year, month, day } = toWallTime(instant, timeZone);
  return { year, month, day };
}

export function startOfDate(date: CalendarDate, timeZone: string): number {
  return fromWallTime({ ...date, hour: 0, minute: 0, second: 0, millisecond: 0 }, timeZone);
}

/** Adds days or months to a calendar date (month arithmetic clamps: Jan 31 + 1 month = Feb 28). */
export function addToDate(date: CalendarDate, amount: number, unit: "day" | "month"): CalendarDate {
  if (unit === "day") {
    const t = new Date(Date.UTC(date.year, date.month - 1, date.day + amount));
    return { year: t.getUTCFullYear(), month: t.getUTCMonth() + 1, day: t.getUTCDate() };
  }
  const monthIndex = date.year * 12 + (date.month - 1) + amount;
  const year = Math.floor(monthIndex / 12);
  const month = monthIndex - year * 12 + 1;
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return { year, month, day: Math.min(date.day, lastDay) };
}

export function formatDate(date: CalendarDate): string {
  const pad = (n: number, w = 2) => String(n).padStart(w, "0");
  return `${pad(date.year, 4)}-${pad(date.month)}-${pad(date.day)}`;
}

export function parseDate(text: string): CalendarDate | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return null;
  const date = { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) };
  // Dates outside 1970–9999 name no action and would trip Date.UTC's two-digit-year rule.
  if (date.year < 1970 || date.year > 9999) return null;
  const check = new Date(Date.UTC(date.year, date.month - 1, date.day));
  if (
    check.getUTCFullYear() !== date.year ||
    check.getUTCMonth() + 1 !== date.month ||
    check.getUTCDate() !== date.day
  ) {
    return null;
  }
  return date;
}
