// When a schedule is due: a wall-clock time in the program's zone on the days its frequency
// names. Pure, so the fake-clock tests drive it directly and the page can show the next run.
import { getDaysInMonth } from "date-fns";
import { addToDate } from "./calendar-units";
import type { CalendarDate } from "./calendar-date";
import { dateOf, fromWallTime } from "./zone";

export type Frequency = "daily" | "weekly" | "monthly";

export interface ScheduleRule {
  frequency: Frequency;
  /** ISO weekday, 1 = Monday … 7 = Sunday (weekly). */
  weekday: number | null;
  /** 1–31; months without that day use their last day (monthly). */
  monthDay: number | null;
  /** Minutes after local midnight. */
  timeOfDay: number;
}

const isoWeekday = (d: CalendarDate) => {
  const day = new Date(Date.UTC(d.year, d.month - 1, d.day)).getUTCDay();
  return day === 0 ? 7 : day;
};

function fallsOn(rule: ScheduleRule, d: CalendarDate): boolean {
  if (rule.frequency === "daily") return true;
  if (rule.frequency === "weekly") return isoWeekday(d) === rule.weekday;
  const last = getDaysInMonth(new Date(d.year, d.month - 1, 15));
  return d.day === Math.min(rule.monthDay ?? 1, last);
}

/** The instant the rule's time falls on a local date (a time skipped by DST moves forward). */
function instantOn(rule: ScheduleRule, d: CalendarDate, timeZone: string): number {
  const hour = Math.floor(rule.timeOfDay / 60);
  const minute = rule.timeOfDay % 60;
  return fromWallTime({ ...d, hour, minute, second: 0, millisecond: 0 }, timeZone);
}

/** The first due instant strictly after `after` (ms), in the zone. */
export function nextRunAfter(rule: ScheduleRule, after: number, timeZone: string): number {
  // Start the day before: west of UTC the local date of `after` may already hold the next run.
  let date = addToDate(dateOf(after, timeZone), -1, "day");
  // A monthly rule falls within 31 days; a year bounds every rule with room to spare.
  for (let i = 0; i < 400; i++, date = addToDate(date, 1, "day")) {
    if (!fallsOn(rule, date)) continue;
    const at = instantOn(rule, date, timeZone);
    if (at > after) return at;
  }
  throw new Error("No run within a year: the schedule is malformed.");
}

/** ISO weekdays by name, Monday (1) first: the rule's words and the form's choices. */
export const WEEKDAYS = [
  "Monday",
  "Tuesday",
  "Wednesday",
  "Thursday",
  "Friday",
  "Saturday",
  "Sunday",
] as const;
const weekdayName = (weekday: number) => WEEKDAYS[weekday - 1] ?? "?";

const formatTimeOfDay = (minutes: number) =>
  `${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;

const ordinal = (n: number) => {
  const tens = n % 100;
  const suffix = tens >= 11 && tens <= 13 ? "th" : (["th", "st", "nd", "rd"][n % 10] ?? "th");
  return `${n}${suffix}`;
};

/** "Every Monday at 09:00", "Every day at 07:30", "Monthly on the 31st (or the last day) at 09:00". */
export function describeRule(rule: ScheduleRule): string {
  const at = `at ${formatTimeOfDay(rule.timeOfDay)}`;
  if (rule.frequency === "daily") return `Every day ${at}`;
  if (rule.frequency === "weekly") return `Every ${weekdayName(rule.weekday ?? 1)} ${at}`;
  const day = rule.monthDay ?? 1;
  return `Monthly on the ${ordinal(day)}${day > 28 ? " (or the month's last day)" : ""} ${at}`;
}
