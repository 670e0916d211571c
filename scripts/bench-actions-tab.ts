// npm run bench:actions-tab — times the Actions tab's queries on a large program.
// Seeds BENCH_ACTIONS actions (default 1,000,000) into a fresh database `ab_bench` on the local
// PostgreSQL (BENCH_DATABASE_URL to change), then reports the median of BENCH_RUNS runs per query
// and ratios against baselines measured in the same run. Not part of the test suite.
import type { ActionsTabFilters } from "../lib/stats/url/search-params";
import { readCommandLine } from "./lib/command-line.mjs";

readCommandLine({
  command: "npm run bench:actions-tab",
  summary:
    "Times the Actions tab's queries on a large program seeded into the local PostgreSQL database ab_bench.",
  notes: ["Environment: BENCH_ACTIONS (1,000,000), BENCH_RUNS (5), BENCH_DATABASE_URL."],
});

// The work's modules load after the command line is read: `--help` answers without them.
const { postgresTabEngine } = await import("../lib/stats/engines");
const { openBenchDatabase } = await import("./bench/bench-database");
const { getDrillDown } = await import("../lib/stats/get-drill-down");
const { getOccurrenceTable } = await import("../lib/stats/get-occurrence-table");
const { getSeries } = await import("../lib/stats/get-series");
const { getSummary } = await import("../lib/stats/get-summary");
const { tabScope } = await import("../lib/stats/scope");
const { DEFAULT_FILTERS } = await import("../lib/stats/url/search-params");
const { parseTimeframe } = await import("../lib/stats/timeframe/timeframe");

const ACTIONS = Number(process.env.BENCH_ACTIONS ?? 1_000_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const url = process.env.BENCH_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/ab_bench";

async function median(fn: () => Promise<unknown>): Promise<number> {
  await fn(); // warm-up
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    await fn();
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}

const db = await openBenchDatabase(url, ACTIONS);

const program = { id: 1, timezone: "America/New_York" };
const scopeOf = (changes: Partial<ActionsTabFilters>) =>
  tabScope(postgresTabEngine(db), program, { ...DEFAULT_FILTERS, ...changes });
const past30 = scopeOf({});
const anyTime = scopeOf({ timeframe: parseTimeframe("any_time")! });
const filtered = scopeOf({ group: [1, 2], marketplace: "no", name: "first1" });

// Page 1,000 of the drill-down: its cursor is the 50,000th action, newest first.
const [{ at, id }] = await db.withRunner((r) =>
  r.query<{ at: Date; id: string }>(
    `SELECT occurred_at AS at, id FROM actions WHERE program_id = 1 AND archived_at IS NULL ORDER BY occurred_at DESC, id DESC OFFSET 49999 LIMIT 1`,
  ),
);
const cursor = `${new Date(at).getTime()}_${id}`;
const offsetPage1000 = () =>
  db.withRunner((r) =>
    r.query(
      `SELECT a.id FROM actions a WHERE a.program_id = 1 AND a.archived_at IS NULL ORDER BY a.occurred_at DESC, a.id DESC OFFSET 50000 LIMIT 51`,
    ),
  );

const results: [string, number][] = [];
const measure = async (label: string, fn: () => Promise<unknown>) => {
  const ms = await median(fn);
  results.push([label, ms]);
  console.log(`${label.padEnd(52)} ${ms.toFixed(1).padStart(9)} ms`);
};
console.log(`\nMedian of ${RUNS} runs (after one warm-up):`);
await measure("summary, past 30 days (+ previous period)", () => getSummary(past30));
await measure("summary, any time", () => getSummary(anyTime));
await measure("summary, any time, 3 partner filters", () => getSummary(filtered));
await measure("chart, past 30 days by day", () => getSeries(past30));
await measure("chart, any time by week", () =>
  getSeries(scopeOf({ timeframe: parseTimeframe("any_time")!, timescale: "week" })),
);
await measure("table page 1, past 30 days", () =>
  getOccurrenceTable(past30, { sort: "occurrences", dir: "desc", page: 1 }),
);
await measure("table page 1, any time", () =>
  getOccurrenceTable(anyTime, { sort: "occurrences", dir: "desc", page: 1 }),
);
const sel = { partner: null, type: null, value: null };
await measure("drill-down page 1 (keyset, rows only)", () =>
  getDrillDown(anyTime, { ...sel, after: null }, 50, false),
);
await measure("drill-down page 1,000 (keyset, rows only)", () =>
  getDrillDown(anyTime, { ...sel, after: cursor }, 50, false),
);
await measure("baseline: page 1,000 by OFFSET (ids only)", offsetPage1000);

const get = (label: string) => results.find(([l]) => l.startsWith(label))![1];
console.log(`\nRatios:`);
console.log(
  `  drill-down page 1,000 / page 1 (keyset):      ${(get("drill-down page 1,000") / get("drill-down page 1 ")).toFixed(2)}×`,
);
console.log(
  `  OFFSET page 1,000 / keyset page 1,000:        ${(get("baseline: page 1,000") / get("drill-down page 1,000")).toFixed(2)}×`,
);
console.log(
  `  summary any time / past 30 days:              ${(get("summary, any time") / get("summary, past 30 days")).toFixed(2)}×`,
);
await db.close();
