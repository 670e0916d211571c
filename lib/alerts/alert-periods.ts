// When an alert is checked and over which period: every hour or every day in the program's zone,
// over the hour or day just ended, beside the same hour or day of the weeks before (its usual
// level). Pure, so the fake-clock tests drive it directly and the page can show the next check.
import { addToDate } from "../time/calendar-units";
import { nextRunAfter } from "../time/schedule-time";
import { dateOf, fromWallTime, startOfDate, toWallTime } from "../time/zone";

export type AlertFrequency = "hourly" | "daily";

/** The weeks the usual level is read from (the same weekday, and hour, in each). */
export const BASELINE_WEEKS = 4;

const HOUR = 3_600_000;

export interface Period {
  start: number;
  end: number;
}

/**
 * The start of the local hour holding `instant`: the instant less its wall clock's minutes and
 * seconds (not the wall hour read back, which is ambiguous in the hour repeated when clocks go
 * back).
 */
function hourStart(instant: number, timeZone: string): number {
  const w = toWallTime(instant, timeZone);
  return instant - (w.minute * 60_000 + w.second * 1000 + w.millisecond);
}

/** The first check strictly after `after`: the next local hour, or the next local midnight. */
export function nextCheckAfter(frequency: AlertFrequency, after: number, timeZone: string): number {
  if (frequency === "daily") {
    return nextRunAfter(
      { frequency: "daily", weekday: null, monthDay: null, timeOfDay: 0 },
      after,
      timeZone,
    );
  }
  let next = hourStart(after, timeZone) + HOUR;
  while (next <= after) next += HOUR;
  return next;
}

/**
 * The latest check time at or before `instant` (the start of its local hour, or its local
 * midnight): a check late by minutes or days reads the latest period that has ended.
 */
export function latestCheckAt(
  frequency: AlertFrequency,
  instant: number,
  timeZone: string,
): number {
  if (frequency === "hourly") return hourStart(instant, timeZone);
  return startOfDate(dateOf(instant, timeZone), timeZone);
}

/** The period a check at `checkAt` reads: the hour or the local day that ended then. */
export function checkedPeriod(
  frequency: AlertFrequency,
  checkAt: number,
  timeZone: string,
): Period {
  if (frequency === "hourly") return { start: checkAt - HOUR, end: checkAt };
  return { start: startOfDate(dateOf(checkAt - 1, timeZone), timeZone), end: checkAt };
}

/** The same local hour or day `weeks` weeks before a checked period. */
export function weeksBefore(
  frequency: AlertFrequency,
  period: Period,
  weeks: number,
  timeZone: string,
): Period {
  const w = toWallTime(period.start, timeZone);
  const date = addToDate(dateOf(period.start, timeZone), -7 * weeks, "day");
  if (frequency === "daily") {
    return {
      start: startOfDate(date, timeZone),
      end: startOfDate(addToDate(date, 1, "day"), timeZone),
    };
  }
  const start = fromWallTime(
    { ...date, hour: w.hour, minute: 0, second: 0, millisecond: 0 },
    timeZone,
  );
  return { start, end: start + HOUR };
}

/** The usual level's periods, the latest week first. */
export function baselinePeriods(
  frequency: AlertFrequency,
  period: Period,
  timeZone: string,
): Period[] {
  return Array.from({ length: BASELINE_WEEKS }, (_, i) =>
    weeksBefore(frequency, period, i + 1, timeZone),
  );
}
