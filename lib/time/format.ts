// Dates and times as text: calendar dates and ranges of days (URLs, labels, file headers), instants
// in a program's zone (screens and exports), and durations.
import type { CalendarDate } from "./calendar-date";
import {
  dateOf,
  offsetAtCached,
  toWallTime,
  toWallTimeCached,
  zoneNameAt,
  type WallTime,
} from "./zone";

const pad = (n: number, width = 2) => String(n).padStart(width, "0");

/** `2026-11-23`. */
export function formatDate(date: CalendarDate): string {
  return `${pad(date.year, 4)}-${pad(date.month)}-${pad(date.day)}`;
}

const clock = (w: WallTime) => `${pad(w.hour)}:${pad(w.minute)}:${pad(w.second)}`;

/**
 * The local days from one instant up to another (exclusive), e.g. "2026-10-25 – 2026-11-23";
 * null ends are open ("2026-01-01 onwards", "up to 2025-12-31", "all time").
 */
export function formatDayRange(start: number | null, end: number | null, timeZone: string): string {
  const startText = start === null ? null : formatDate(dateOf(start, timeZone));
  // The end is exclusive: show the last included day.
  const endText = end === null ? null : formatDate(dateOf(end - 1, timeZone));
  if (startText && endText) return startText === endText ? startText : `${startText} – ${endText}`;
  if (startText) return `${startText} onwards`;
  if (endText) return `up to ${endText}`;
  return "all time";
}

/** ISO 8601 in the program's zone with its offset, e.g. 2026-03-08T01:30:00-05:00. */
export function isoInZone(instant: Date | number, timeZone: string): string {
  const ms = typeof instant === "number" ? instant : instant.getTime();
  const w = toWallTimeCached(ms, timeZone);
  const offsetMinutes = Math.round(offsetAtCached(ms, timeZone) / 60_000);
  const sign = offsetMinutes < 0 ? "-" : "+";
  const offset = Math.abs(offsetMinutes);
  return `${formatDate(w)}T${clock(w)}${sign}${pad(Math.floor(offset / 60))}:${pad(offset % 60)}`;
}

/** The zone's short name at an instant as Canadian English writes it: "EST", "NST", "GMT+1". */
function zoneName(date: Date, timeZone: string): string {
  return zoneNameAt(date.getTime(), timeZone, "short", "en-CA");
}

/** "2026-11-23 14:05:09 EST" in the program's timezone, with the zone's short name. */
export function formatDateTime(date: Date, timeZone: string): string {
  const w = toWallTime(date.getTime(), timeZone);
  return `${formatDate(w)} ${clock(w)} ${zoneName(date, timeZone)}`;
}

/** "42 seconds", "3 minutes", "2 hours": how long, rounded down to its largest unit. */
export function formatDuration(ms: number): string {
  const units: [string, number][] = [
    ["day", 86_400_000],
    ["hour", 3_600_000],
    ["minute", 60_000],
    ["second", 1000],
  ];
  for (const [name, size] of units) {
    const n = Math.floor(ms / size);
    if (n >= 1 || name === "second") return `${n} ${name}${n === 1 ? "" : "s"}`;
  }
  return "0 seconds";
}
