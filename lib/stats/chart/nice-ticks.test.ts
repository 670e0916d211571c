import { describe, expect, it } from "vitest";
import { formatTick, fourStepTop, niceTicks } from "./nice-ticks";
import { chartScale } from "./stack";

describe("y-axis ticks", () => {
  it("runs from 0 to a round top at or above the maximum, in steps of 1, 2 or 5 × 10ⁿ", () => {
    expect(niceTicks(0)).toEqual([0, 1]);
    expect(niceTicks(1)).toEqual([0, 1]);
    expect(niceTicks(3)).toEqual([0, 1, 2, 3]);
    expect(niceTicks(7)).toEqual([0, 2, 4, 6, 8]);
    expect(niceTicks(10)).toEqual([0, 5, 10]);
    expect(niceTicks(1234)).toEqual([0, 500, 1000, 1500]);
    expect(niceTicks(1000)).toEqual([0, 500, 1000]);
    expect(niceTicks(2_147_483_647)).toEqual([0, 1e9, 2e9, 3e9]);
  });

  it("keeps every tick round and the top within one step of the maximum, for many maxima", () => {
    for (let max = 1; max < 5_000_000; max = Math.ceil(max * 1.37)) {
      const ticks = niceTicks(max);
      const step = ticks[1];
      const mantissa = step / 10 ** Math.floor(Math.log10(step) + 1e-9);
      expect([1, 2, 5]).toContain(Math.round(mantissa));
      expect(ticks.length).toBeGreaterThanOrEqual(2);
      expect(ticks.length).toBeLessThanOrEqual(5);
      expect(ticks.at(-1)!).toBeGreaterThanOrEqual(max);
      expect(ticks.at(-1)! - step).toBeLessThan(max);
      ticks.forEach((t, i) => expect(t).toBe(i * step));
    }
  });

  it("scales to the series drawn: a hidden noisy series no longer sets the top", () => {
    const rows = [
      { bucket: "2026-01-01", noisy: 900, quiet: 3 },
      { bucket: "2026-01-02", noisy: 10, quiet: 4 },
    ];
    expect(chartScale(rows, ["noisy", "quiet"]).top).toBe(1000);
    expect(chartScale(rows, ["quiet"]).ticks).toEqual([0, 1, 2, 3, 4]);
  });

  it("writes ticks in full up to 100,000, then short", () => {
    expect(niceTicks(1234).map((t) => formatTick(t, 1500))).toEqual(["0", "500", "1,000", "1,500"]);
    expect(niceTicks(2_400_000).map((t) => formatTick(t, 3_000_000))).toEqual([
      "0",
      "1M",
      "2M",
      "3M",
    ]);
    expect(formatTick(250_000, 500_000)).toBe("250K");
    expect(formatTick(1_500_000, 2_000_000)).toBe("1.5M");
  });

  it("tops the screen's axis at four whole round steps, the smallest that holds the maximum", () => {
    expect([0, 1, 4, 5, 9, 25, 83, 100, 101, 1234].map(fourStepTop)).toEqual([
      4, 4, 4, 8, 20, 40, 100, 100, 200, 2000,
    ]);
    const round = [1, 2, 2.5, 5];
    const steps = [1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000, 2000, 2500, 5000, 1e4, 2e4];
    for (let max = 1; max < 40_000; max = Math.ceil(max * 1.21)) {
      const step = fourStepTop(max) / 4;
      expect(Number.isInteger(step)).toBe(true);
      expect(round).toContain(step / 10 ** Math.floor(Math.log10(step) + 1e-9));
      expect(4 * step).toBeGreaterThanOrEqual(max);
      // No smaller round step would do.
      const smaller = steps.filter((s) => s < step);
      if (smaller.length > 0) expect(4 * smaller.at(-1)!).toBeLessThan(max);
    }
  });
});
