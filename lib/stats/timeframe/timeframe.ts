// The Timeframe filter: the BI phrasings, their URL tokens (e.g. `past_30_days`,
// `past_3_complete_months`, `on_2026-11-01`, `range_2026-10-01_2026-11-01`, `this_week`) and labels.
import { parseDate } from "../../time/calendar-date";
import type { Unit } from "../../time/calendar-units";
import { rangeLastDay } from "./inclusive-range";

// A timeframe's units and the chart's timescales are the calendar's units.
export { UNITS, type Unit } from "../../time/calendar-units";

export type Timeframe =
  | { kind: "any" }
  | { kind: "past"; n: number; unit: Unit; complete: boolean }
  | { kind: "on"; date: string }
  | { kind: "range"; from: string; to: string }
  | { kind: "before"; date: string }
  | { kind: "since"; date: string }
  | { kind: "this"; unit: Unit }
  | { kind: "last"; unit: Unit };

export const DEFAULT_TIMEFRAME: Timeframe = { kind: "past", n: 30, unit: "day", complete: false };
/** About 30 years in every unit: far enough back for any program, and always after 1970. */
export const MAX_PAST_N: Record<Unit, number> = {
  day: 11_000,
  week: 1_560,
  month: 360,
  quarter: 120,
  year: 30,
};

const UNIT_WORD = /^(day|week|month|quarter|year)s?$/;

export function parseTimeframe(token: string): Timeframe | null {
  const t = token.trim().toLowerCase();
  if (t === "any_time" || t === "any") return { kind: "any" };
  if (t === "today") return { kind: "this", unit: "day" };
  if (t === "yesterday") return { kind: "last", unit: "day" };
  let m = /^past_(\d{1,6})_(complete_)?([a-z]+)$/.exec(t);
  if (m) {
    const unit = UNIT_WORD.exec(m[3])?.[1] as Unit | undefined;
    const n = Number(m[1]);
    if (!unit || n < 1 || n > MAX_PAST_N[unit]) return null;
    return { kind: "past", n, unit, complete: Boolean(m[2]) };
  }
  m = /^(this|last)_([a-z]+)$/.exec(t);
  if (m) {
    const unit = UNIT_WORD.exec(m[2])?.[1] as Unit | undefined;
    return unit ? { kind: m[1] as "this" | "last", unit } : null;
  }
  m = /^(on|before|since)_(\d{4}-\d{2}-\d{2})$/.exec(t);
  if (m) return parseDate(m[2]) ? { kind: m[1] as "on" | "before" | "since", date: m[2] } : null;
  m = /^range_(\d{4}-\d{2}-\d{2})_(\d{4}-\d{2}-\d{2})$/.exec(t);
  if (m && parseDate(m[1]) && parseDate(m[2]) && m[1] < m[2])
    return { kind: "range", from: m[1], to: m[2] };
  return null;
}

export function serializeTimeframe(tf: Timeframe): string {
  switch (tf.kind) {
    case "any":
      return "any_time";
    case "past":
      return `past_${tf.n}_${tf.complete ? "complete_" : ""}${tf.unit}${tf.n === 1 ? "" : "s"}`;
    case "this":
      return tf.unit === "day" ? "today" : `this_${tf.unit}`;
    case "last":
      return tf.unit === "day" ? "yesterday" : `last_${tf.unit}`;
    case "range":
      return `range_${tf.from}_${tf.to}`;
    default:
      return `${tf.kind}_${tf.date}`;
  }
}

export function describeTimeframe(tf: Timeframe): string {
  switch (tf.kind) {
    case "any":
      return "is any time";
    case "past":
      return `is in the past ${tf.n} ${tf.complete ? "complete " : ""}${tf.unit}${tf.n === 1 ? "" : "s"}`;
    case "this":
      return tf.unit === "day" ? "is today" : `is this ${tf.unit}`;
    case "last":
      return tf.unit === "day" ? "is yesterday" : `is last ${tf.unit}`;
    case "on":
      return `is on the day ${tf.date}`;
    case "range":
      // People read the last day included; the URL's end is the day after it.
      return `is in range ${tf.from} – ${rangeLastDay(tf)}`;
    case "before":
      return `is before ${tf.date}`;
    case "since":
      return `is on or after ${tf.date}`;
  }
}
