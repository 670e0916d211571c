import os from "node:os";
import { benchConfig } from "./config";

export interface Timing {
  /** Median of the timed runs, ms. */
  ms: number;
  /** Median of each named sub-timing, ms. */
  parts: Record<string, number>;
  all: number[];
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/**
 * Times each contender `runs` times after one untimed warm-up, taking turns (A, B, A, B, …) so a
 * load that comes and goes on a shared machine weighs on all of them alike. Each call returns its
 * sub-timings and its answer; the warm-up's answers are returned for comparison.
 */
export async function interleavedMedians<R>(
  runs: number,
  contenders: (() => Promise<{ parts: Record<string, number>; result: R }>)[],
): Promise<{ timings: Timing[]; results: R[] }> {
  const results: R[] = [];
  for (const run of contenders) results.push((await run()).result);
  const totals = contenders.map(() => [] as number[]);
  const parts = contenders.map(() => ({}) as Record<string, number[]>);
  for (let i = 0; i < runs; i++) {
    for (const [c, run] of contenders.entries()) {
      const started = performance.now();
      const sub = (await run()).parts;
      totals[c].push(performance.now() - started);
      for (const [k, v] of Object.entries(sub)) (parts[c][k] ??= []).push(v);
    }
  }
  const timings = contenders.map((_, c) => ({
    ms: median(totals[c]),
    parts: Object.fromEntries(Object.entries(parts[c]).map(([k, v]) => [k, median(v)])),
    all: totals[c],
  }));
  return { timings, results };
}

/** Resolves like `promise`, recording in `into[name]` the ms from `started` until it settled. */
export function timed<T>(
  promise: Promise<T>,
  into: Record<string, number>,
  name: string,
  started: number,
): Promise<T> {
  return promise.finally(() => (into[name] = performance.now() - started));
}

const MAX_WAIT_MS = 180_000;

/**
 * On a shared machine: waits (up to 3 minutes) until the 1-minute load average is below
 * BENCH_MAX_LOAD (default 1.5), so a measurement does not start on top of someone's build.
 * Returns the load average it starts at.
 */
export async function settle(label: string): Promise<number> {
  const max = benchConfig().maxLoad;
  const deadline = Date.now() + MAX_WAIT_MS;
  let told = false;
  while (os.loadavg()[0] >= max && Date.now() < deadline) {
    if (!told) console.error(`  (waiting for load average < ${max} before ${label} …)`);
    told = true;
    await new Promise((resolve) => setTimeout(resolve, 5000));
  }
  return os.loadavg()[0];
}
