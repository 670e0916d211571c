// The period compared with, in words: "vs previous period" / "vs same period last year" and its
// dates, for the tiles' hint, the chart's line, the table's columns and the files.
import { formatDayRange } from "../time/format";
import { dateOf, startOfDate, toWallTime } from "../time/zone";
import type { TabScope } from "./scope";

const pad = (n: number) => String(n).padStart(2, "0");

/**
 * The previous period's local days, e.g. "2026-06-02 – 2026-08-31"; null when the timeframe has
 * none. A partial current period is compared up to the same moment of the previous one, so its
 * last day ends at a time of day: that time is named ("2026-10-07 – 2026-11-05, until 14:05").
 */
export function describePreviousPeriod(
  scope: Pick<TabScope, "previous" | "timezone">,
): string | null {
  return describeRange(scope.previous, scope.timezone);
}

/** What the view is compared with, in words for "vs …" and for a heading. */
export function comparisonWords(scope: Pick<TabScope, "filters">): { vs: string; title: string } {
  return scope.filters.compare === "previous_year"
    ? { vs: "same period last year", title: "Same period last year" }
    : { vs: "previous period", title: "Previous period" };
}

/** A compared range's local days (with its end time when it ends within a day); null if none. */
export function describeRange(previous: TabScope["previous"], tz: string): string | null {
  if (!previous || previous.start === null || previous.end === null) return null;
  const days = formatDayRange(previous.start, previous.end, tz);
  const endDay = dateOf(previous.end, tz);
  if (startOfDate(endDay, tz) === previous.end) return days;
  const wall = toWallTime(previous.end, tz);
  return `${days}, until ${pad(wall.hour)}:${pad(wall.minute)}`;
}
