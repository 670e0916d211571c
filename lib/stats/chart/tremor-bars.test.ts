// The series as Tremor draws them: every bar's stack is the bucket's own numbers, the bucket under
// way in lighter categories, each category in its series' colour. Expected values are written out
// or summed from the rows below, not taken from the module under test.
import { describe, expect, it } from "vitest";
import { CHART_TAILWIND_COLORS } from "./chart-color-names";
import { OTHER_TYPES, OTHER_TYPES_COLOR, SERIES_PALETTE } from "./series-colors";
import { PERIOD_NAME, tremorBars, type ChartSeries } from "./tremor-bars";

const series: ChartSeries = {
  unit: "month",
  types: ["signup", "demo", OTHER_TYPES],
  colors: { signup: SERIES_PALETTE[2], demo: SERIES_PALETTE[0], [OTHER_TYPES]: OTHER_TYPES_COLOR },
  rows: [
    { bucket: "2026-01-01", signup: 5, demo: 0, [OTHER_TYPES]: 2 },
    { bucket: "2026-02-01", signup: 1, demo: 7, [OTHER_TYPES]: 0 },
    { bucket: "2026-03-01", signup: 3, demo: 4, [OTHER_TYPES]: 1 },
  ],
  partialBucket: "2026-03-01",
};

/** A Tremor colour name back to its hex, through the names tailwind.config.ts registers. */
function hexOf(name: string) {
  const [, hex, soFar] = /^chart-([0-9a-f]{6})(-so-far)?$/.exec(name)!;
  const entry = CHART_TAILWIND_COLORS[hex];
  return soFar ? entry["so-far"] : entry.DEFAULT;
}

describe("the chart's bars for Tremor", () => {
  it("stacks each bucket's drawn numbers, the bucket under way in lighter categories", () => {
    const bars = tremorBars(series, ["signup", OTHER_TYPES]);
    expect(bars.categories).toEqual([
      "signup",
      OTHER_TYPES,
      "signup (so far)",
      `${OTHER_TYPES} (so far)`,
    ]);
    expect(bars.data.map((b) => b[PERIOD_NAME])).toEqual([
      "Jan 2026",
      "Feb 2026",
      "Mar 2026 (so far)",
    ]);
    const stack = (i: number, keys: string[]) => keys.map((k) => bars.data[i][k]);
    expect(stack(0, bars.categories)).toEqual([5, 2, 0, 0]);
    expect(stack(1, bars.categories)).toEqual([1, 0, 0, 0]);
    expect(stack(2, bars.categories)).toEqual([0, 0, 3, 1]);
    expect(bars.data.every((b) => !("demo" in b))).toBe(true);
  });

  it("colours each category with its series' colour, the lighter ones with its tint", () => {
    const bars = tremorBars(series, ["signup", "demo"]);
    const hexes = bars.colors.map(hexOf);
    expect(hexes.slice(0, 2)).toEqual([SERIES_PALETTE[2], SERIES_PALETTE[0]]);
    hexes.slice(2).forEach((tint, i) => {
      const full = hexes[i];
      expect(tint).not.toBe(full);
      const channels = (hex: string) =>
        [1, 3, 5].map((k) => parseInt(hex.slice(k, k + 2), 16)) as [number, number, number];
      // Lighter in every channel, and the same hue: channels keep their order.
      const [t, f] = [channels(tint), channels(full)];
      t.forEach((c, k) => expect(c).toBeGreaterThan(f[k]));
      expect([...t.keys()].sort((a, b) => t[a] - t[b])).toEqual(
        [...f.keys()].sort((a, b) => f[a] - f[b]),
      );
    });
  });

  it("draws no lighter categories when no bucket is under way", () => {
    const bars = tremorBars({ ...series, partialBucket: null }, ["signup", "demo"]);
    expect(bars.categories).toEqual(["signup", "demo"]);
    expect(bars.data[2]).toMatchObject({ [PERIOD_NAME]: "Mar 2026", signup: 3, demo: 4 });
  });
});
