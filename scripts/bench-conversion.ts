// npm run bench:conversion — the conversion view (issue 28) on the `npm run bench` dataset:
// signup_completed → purchase within 30 days, any time, by partner; ClickHouse (median of
// BENCH_RUNS) and PostgreSQL once (--postgres), answers compared. Same environment as `npm run
// bench` (BENCH_ACTIONS, BENCH_DATABASE_URL, BENCH_ANALYTICS_PATH, BENCH_RUNS, BENCH_MAX_LOAD).
import { readCommandLine } from "./lib/command-line.mjs";

const { values } = readCommandLine({
  command: "npm run bench:conversion",
  summary:
    "Times the conversion view (signup_completed → purchase within 30 days, any time, by partner) on the bench dataset.",
  options: {
    rebuild: {
      type: "boolean",
      description: "Build the benchmark databases again, even if present.",
    },
    postgres: {
      type: "boolean",
      description: "Also time PostgreSQL once and compare the answers.",
    },
  },
  notes: ["Environment: as npm run bench (see BENCHMARKS.md)."],
});

const { prepareDataset } = await import("./bench/build-dataset");
const { runChild } = await import("./bench/child-process");
const { benchConfig } = await import("./bench/config");
type Measured = import("./bench/measure-conversion").MeasuredConversion;

const config = benchConfig();
const dataset = await prepareDataset(config);
await runChild("sync-analytics.ts", config.rebuild ? ["--rebuild"] : []);
const url = "timeframe=any_time&from=signup_completed&to=purchase&within=30&by=partner";
const result = await runChild<Measured>("measure-conversion.ts", [
  new Date(dataset.anchor).toISOString(),
  url,
  values.postgres ? "yes" : "no",
]);
console.log(JSON.stringify({ actions: config.actions, ...result }, null, 2));
