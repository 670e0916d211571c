// Calendar units: the day, week (from Monday), month, quarter or year holding a local date, adding
// units and counting them, with date-fns. Local dates are plain values, so no zone enters until a
// date is placed in one (`startOfDate`, `addToInstant`).
import {
  addDays,
  addMonths,
  addQuarters,
  addWeeks,
  addYears,
  differenceInCalendarDays,
  differenceInCalendarMonths,
  differenceInCalendarQuarters,
  differenceInCalendarWeeks,
  differenceInCalendarYears,
  startOfMonth,
  startOfQuarter,
  startOfWeek,
  startOfYear,
} from "date-fns";
import type { CalendarDate } from "./calendar-date";
import { fromWallTime, toWallTime } from "./zone";

export const UNITS = ["day", "week", "month", "quarter", "year"] as const;
export type Unit = (typeof UNITS)[number];

const WEEK = { weekStartsOn: 1 } as const; // weeks start on Monday

const START: Record<Unit, (date: Date) => Date> = {
  day: (date) => date,
  week: (date) => startOfWeek(date, WEEK),
  month: startOfMonth,
  quarter: startOfQuarter,
  year: startOfYear,
};

// Months clamp to the month's last day (Jan 31 + 1 month = Feb 28), as do years (Feb 29).
const ADD: Record<Unit, (date: Date, amount: number) => Date> = {
  day: addDays,
  week: addWeeks,
  month: addMonths,
  quarter: addQuarters,
  year: addYears,
};

const BETWEEN: Record<Unit, (later: Date, earlier: Date) => number> = {
  day: differenceInCalendarDays,
  week: (later, earlier) => differenceInCalendarWeeks(later, earlier, WEEK),
  month: differenceInCalendarMonths,
  quarter: differenceInCalendarQuarters,
  year: differenceInCalendarYears,
};

/**
 * A date as date-fns's functions take it: a `Date` at noon of the server's own clock, of which only
 * the calendar fields are read back. The server's zone changes nothing, as its changes move hours,
 * not days (but for a zone that once skipped a whole day, such as Pacific/Apia on 2011-12-30, where
 * a server should not run; a `TZDate` in UTC does no better there and is twenty times slower).
 */
function asDate(date: CalendarDate): Date {
  return new Date(date.year, date.month - 1, date.day, 12);
}

function calendarDate(date: Date): CalendarDate {
  return { year: date.getFullYear(), month: date.getMonth() + 1, day: date.getDate() };
}

/** The first day of the unit holding a date. */
export function startOfUnit(date: CalendarDate, unit: Unit): CalendarDate {
  return calendarDate(START[unit](asDate(date)));
}

export function addToDate(date: CalendarDate, amount: number, unit: Unit): CalendarDate {
  return calendarDate(ADD[unit](asDate(date), amount));
}

/** How many unit boundaries lie from one date to a later one (0 within the same unit). */
export function unitsBetween(earlier: CalendarDate, later: CalendarDate, unit: Unit): number {
  return BETWEEN[unit](asDate(later), asDate(earlier));
}

/** Moves an instant by calendar units in the zone, keeping its local time of day. */
export function addToInstant(
  instant: number,
  amount: number,
  unit: Unit,
  timeZone: string,
): number {
  const wall = toWallTime(instant, timeZone);
  return fromWallTime({ ...wall, ...addToDate(wall, amount, unit) }, timeZone);
}
