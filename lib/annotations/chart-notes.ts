import { periodLabel } from "../stats/chart/period-label";
import { bucketOfDay } from "../stats/timeframe/buckets";
import type { Unit } from "../stats/timeframe/timeframe";
import { ANNOTATION_ORIGINS } from "./annotation-origins";
import type { Annotation } from "./list-annotations";

/** A note as a chart shows it: its number on the time axis and the bar it stands on. */
export interface ChartNote extends Annotation {
  n: number;
  /** Index of the chart's bucket holding its day. */
  i: number;
}

/**
 * Each note on the bar of its day's bucket, numbered in time order. Days outside the chart's
 * buckets (after the last action of "any time", say) are left out.
 */
export function notesOnChart(
  annotations: readonly Annotation[],
  rows: readonly { bucket: string }[],
  unit: Unit,
): ChartNote[] {
  const index = new Map(rows.map((row, i) => [row.bucket, i]));
  const notes: ChartNote[] = [];
  for (const note of annotations) {
    const i = index.get(bucketOfDay(note.day, unit));
    if (i !== undefined) notes.push({ ...note, n: notes.length + 1, i });
  }
  return notes;
}

/** One marker per bucket with notes: its first note's number, "+" when it holds more. */
export function noteMarkers(notes: readonly ChartNote[]) {
  const byBucket = new Map<number, { i: number; numbers: number[]; lines: string[] }>();
  for (const note of notes) {
    const entry = byBucket.get(note.i) ?? { i: note.i, numbers: [], lines: [] };
    entry.numbers.push(note.n);
    entry.lines.push(noteLine(note));
    byBucket.set(note.i, entry);
  }
  return [...byBucket.values()].map(({ i, numbers, lines }) => ({
    i,
    label: numbers.length > 1 ? `${numbers[0]}+` : String(numbers[0]),
    title: lines.join("\n"),
  }));
}

/** "2. 6 Dec 2026 · Reward rule — Changed reward rule “Signup”: amount (Ana Silva)". */
export function noteLine(note: ChartNote): string {
  const by = note.author ? ` (${note.author})` : "";
  return `${note.n}. ${periodLabel(note.day, "day")} · ${ANNOTATION_ORIGINS[note.origin]} — ${note.text}${by}`;
}
