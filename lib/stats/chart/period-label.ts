// Buckets as people name periods: "Q2 2025", "Week of 6 Oct 2025", "Oct 2025", "6 Oct 2025".
import { engineDay, type CalendarDate } from "../../time/calendar-date";
import { startOfUnit, type Unit } from "../../time/calendar-units";
import { formatDate } from "../../time/format";
import { dateOf } from "../../time/zone";

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

const dayMonth = (d: CalendarDate) => `${d.day} ${MONTHS[d.month - 1]}`;

/**
 * A bucket (its local start date, `YYYY-MM-DD`) in words. "long" says it all (tooltips, tables,
 * files); "short" fits under a bar (days and weeks without their year).
 */
export function periodLabel(bucket: string, unit: Unit, form: "long" | "short" = "long"): string {
  const d = engineDay(bucket);
  switch (unit) {
    case "year":
      return String(d.year);
    case "quarter":
      return `Q${Math.floor((d.month - 1) / 3) + 1} ${d.year}`;
    case "month":
      return `${MONTHS[d.month - 1]} ${d.year}`;
    case "week":
      return form === "short" ? dayMonth(d) : `Week of ${dayMonth(d)} ${d.year}`;
    case "day":
      return form === "short" ? dayMonth(d) : `${dayMonth(d)} ${d.year}`;
  }
}

/** The bucket (local start date) an instant falls in, in a zone. */
export function bucketOfInstant(instant: number, unit: Unit, timeZone: string): string {
  return formatDate(startOfUnit(dateOf(instant, timeZone), unit));
}

/** A bucket still under way is named as such: "Dec 2026 (so far)". */
export const soFar = (label: string) => `${label} (so far)`;
