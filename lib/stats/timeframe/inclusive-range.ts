// Custom ranges as people say them and as the URL keeps them. People name the last day they mean
// ("1 Sep – 30 Nov"); the URL's `range_<from>_<to>` keeps the end exclusive, as it always has, so
// shared links keep their meaning. These two functions are the only crossing between the forms.
import { formatDate } from "../../time/format";
import { parseDate } from "../../time/calendar-date";
import { addToDate } from "../../time/calendar-units";
import type { Timeframe } from "./timeframe";

type RangeTimeframe = Extract<Timeframe, { kind: "range" }>;

/** The last day a range includes: the day before its exclusive end (`2026-12-01` → `2026-11-30`). */
export function rangeLastDay(range: Pick<RangeTimeframe, "to">): string {
  return formatDate(addToDate(parseDate(range.to)!, -1, "day"));
}

/** The latest last day a range can have: its exclusive end must be a URL date (up to 9999). */
export const LATEST_LAST_DAY = "9999-12-30";

/**
 * The range from `from` through `lastDay`, both included (equal dates are one day), or why there
 * is none, in words for the form.
 */
export function inclusiveRange(from: string, lastDay: string): RangeTimeframe | string {
  const start = parseDate(from);
  const last = parseDate(lastDay);
  if (!start || !last) return "Choose both dates, from 1970-01-01.";
  if (lastDay < from) return "The last day must not be before the first day.";
  if (lastDay > LATEST_LAST_DAY) return `The last day can be ${LATEST_LAST_DAY} at the latest.`;
  return { kind: "range", from, to: formatDate(addToDate(last, 1, "day")) };
}
