// The stacked bars as numbers: the PDF draws their segments; both charts take their totals.
import { niceTicks } from "./nice-ticks";

type Row = Record<string, number | string>;

/** The drawn series of a bucket as stacked spans of value, bottom up, zero ones left out. */
export function stackSegments(row: Row, drawn: readonly string[]) {
  const segments: { series: string; from: number; to: number }[] = [];
  let from = 0;
  for (const series of drawn) {
    const value = Number(row[series]);
    if (value > 0) segments.push({ series, from, to: from + value });
    from += value;
  }
  return segments;
}

/** The y-axis of the drawn series: round ticks from 0 to a top at or above the tallest bar. */
export function chartScale(
  rows: readonly Row[],
  drawn: readonly string[],
  /** Other values the axis must hold (the compared period's line). */
  also: readonly number[] = [],
) {
  const totals = rows.map((row) => drawn.reduce((sum, s) => sum + Number(row[s]), 0));
  const ticks = niceTicks(Math.max(0, ...totals, ...also));
  return { totals, ticks, top: ticks[ticks.length - 1] };
}

/** Which buckets get a label under the axis: every k-th from the first, at most `most` of them. */
export const labelEvery = (buckets: number, most: number) => Math.max(1, Math.ceil(buckets / most));
