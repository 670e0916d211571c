// A local calendar date as a plain value: the unit the timeframe maths and the chart's buckets work
// in. Which instant it starts at depends on a zone (`startOfDate` in zone.ts).
import { isExists } from "date-fns";

export interface CalendarDate {
  year: number;
  month: number; // 1–12
  day: number;
}

/** A user's `YYYY-MM-DD` (URL, form): null unless it is a real date from 1970 to 9999. */
export function parseDate(text: string): CalendarDate | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return null;
  const date = { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) };
  // Dates outside 1970–9999 name no action.
  if (date.year < 1970 || date.year > 9999) return null;
  return isExists(date.year, date.month - 1, date.day) ? date : null;
}

/** An engine's own `YYYY-MM-DD` (possibly before 1970 west of Greenwich), not user input. */
export function engineDay(day: string): CalendarDate {
  const [year, month, date] = day.split("-").map(Number);
  return { year, month, day: date };
}
