import type { InstantRange } from "./resolve-timeframe";

/** The smallest range holding both ranges (null = unbounded on that side). */
export function spanOf(a: InstantRange, b: InstantRange): InstantRange {
  const side = (x: number | null, y: number | null, pick: (...n: number[]) => number) =>
    x === null || y === null ? null : pick(x, y);
  return { start: side(a.start, b.start, Math.min), end: side(a.end, b.end, Math.max) };
}
