/**
 * The y-axis of a count chart: 0 up to a round top above the tallest bar, in steps of 1, 2 or 5
 * times a power of ten, at most `maxSteps` steps (so 0, 500, 1,000, 1,500 rather than 0 and
 * 1,234). Counts are whole: the step is never below 1.
 */
export function niceTicks(max: number, maxSteps = 4): number[] {
  const top = Math.max(1, Math.ceil(max));
  const rough = top / maxSteps;
  const power = 10 ** Math.floor(Math.log10(rough));
  const step = Math.max(
    1,
    [1, 2, 5, 10].map((m) => m * power).find((s) => s >= rough)!,
  );
  const steps = Math.ceil(top / step);
  return Array.from({ length: steps + 1 }, (_, i) => i * step);
}

const compact = new Intl.NumberFormat("en-US", { notation: "compact", maximumFractionDigits: 1 });

/** A tick's text: "1,500"; from 100,000 on "250K", "1.5M", so the axis stays narrow on phones. */
export function formatTick(value: number, top: number): string {
  return top >= 100_000 ? compact.format(value) : value.toLocaleString("en-US");
}

/**
 * The top of the screen chart's y-axis. Recharts, under Tremor (which sets no tick count), splits
 * a fixed axis into four steps: a top of 4 × a whole round step (1, 2, 2.5 or 5 × 10ⁿ) gives
 * 0, 25, 50, 75, 100 where its own "nice" ticks would read 0, 7, 14, 21, 28.
 */
export function fourStepTop(max: number): number {
  const rough = Math.max(1, max) / 4;
  const power = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 2.5, 5, 10]
    .map((m) => m * power)
    .find((s) => s >= rough && Number.isInteger(s))!;
  return 4 * step;
}
