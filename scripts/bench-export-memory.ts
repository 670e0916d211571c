// npm run bench:export-memory — streams the drill-down rows CSV of a 1,000,000-action program
// (BENCH_ACTIONS) and reports duration and peak RSS, against the same export of a tenth of the
// rows in the same run: constant memory shows as an RSS ratio near 1 while rows grow 10×.
import { readCommandLine } from "./lib/command-line.mjs";

readCommandLine({
  command: "npm run bench:export-memory",
  summary:
    "Streams the drill-down CSV of a large program and reports duration and peak RSS against a tenth of the rows.",
  notes: ["Environment: BENCH_ACTIONS (1,000,000), BENCH_DATABASE_URL."],
});

// The work's modules load after the command line is read: `--help` answers without them.
const { postgresTabEngine } = await import("../lib/stats/engines");
const { getSummary } = await import("../lib/stats/get-summary");
const { tabScope } = await import("../lib/stats/scope");
const { DEFAULT_FILTERS } = await import("../lib/stats/url/search-params");
const { parseTimeframe } = await import("../lib/stats/timeframe/timeframe");
const { csvStream } = await import("../lib/exports/csv");
const { csvParts, tileExport } = await import("../lib/exports/tile-exports");
const { openBenchDatabase } = await import("./bench/bench-database");

const ACTIONS = Number(process.env.BENCH_ACTIONS ?? 1_000_000);
const url = process.env.BENCH_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/ab_bench";

const db = await openBenchDatabase(url, ACTIONS);
const program = { id: 1, timezone: "America/New_York" };

async function exportOnce(timeframe: string) {
  const scope = tabScope(postgresTabEngine(db), program, {
    ...DEFAULT_FILTERS,
    timeframe: parseTimeframe(timeframe)!,
  });
  const exp = await tileExport("actions", {
    scope,
    currency: "USD",
    drill: { partner: null, type: null, value: null },
    table: { sort: "occurrences", dir: "desc" },
    ruleNames: new Map(),
    summary: () => getSummary(scope),
  });
  global.gc?.();
  const baseline = process.memoryUsage().rss;
  let peak = baseline;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);
  const started = performance.now();
  let bytes = 0;
  let lines = 0;
  const reader = csvStream(exp.csvHeader, csvParts(exp)).getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    bytes += value.byteLength;
    for (const b of value) if (b === 10) lines++;
  }
  clearInterval(sampler);
  peak = Math.max(peak, process.memoryUsage().rss);
  return {
    rows: lines - 1,
    seconds: (performance.now() - started) / 1000,
    mb: bytes / 1e6,
    peakMb: peak / 1e6,
    growthMb: (peak - baseline) / 1e6,
  };
}

// "Past N days" covering a tenth of the 548-day history holds about a tenth of the rows.
const small = await exportOnce("past_55_days");
const large = await exportOnce("any_time");
for (const [label, r] of [
  ["tenth", small],
  ["all", large],
] as const) {
  console.log(
    `${label.padEnd(6)} ${r.rows.toLocaleString("en-US").padStart(10)} rows  ${r.mb.toFixed(1).padStart(7)} MB CSV  ${r.seconds.toFixed(1).padStart(6)} s  peak RSS ${r.peakMb.toFixed(0)} MB (+${r.growthMb.toFixed(0)} MB during export)`,
  );
}
console.log(
  `rows ratio ${(large.rows / small.rows).toFixed(1)}×, time ratio ${(large.seconds / small.seconds).toFixed(1)}×, peak RSS ratio ${(large.peakMb / small.peakMb).toFixed(2)}×`,
);
await db.close();
