// npm run bench:rule-replay — rules tried on history over any time at 10,000,000 actions,
// PostgreSQL vs ClickHouse, alone: the same dataset, copy and measurement as `npm run bench`
// (which measures it with the rest of the tab), for a quick run. Prints the row; writes nothing.
import { readCommandLine } from "./lib/command-line.mjs";

readCommandLine({
  command: "npm run bench:rule-replay",
  summary:
    "Rules tried on history over any time, PostgreSQL vs ClickHouse, on the benchmark dataset of npm run bench.",
  options: {
    rebuild: {
      type: "boolean",
      description: "Build the benchmark databases again, even if present.",
    },
  },
  notes: ["Environment: as npm run bench (BENCH_ACTIONS, BENCH_RUNS, BENCH_DATABASE_URL, …)."],
});

const { prepareDataset } = await import("./bench/build-dataset");
const { runChild } = await import("./bench/child-process");
const { benchConfig } = await import("./bench/config");
type Measured = import("./bench/measure-tab").Measured;

const config = benchConfig();
const dataset = await prepareDataset(config);
await runChild("sync-analytics.ts", config.rebuild ? ["--rebuild"] : []);
const measured = await runChild<Measured[]>("measure-tab.ts", [dataset.anchor, "", "rule-replay"]);
for (const m of measured) {
  console.log(
    `${m.label} (${Object.entries(m.facts)
      .map(([k, v]) => `${v.toLocaleString("en-US")} ${k}`)
      .join(
        ", ",
      )}): PostgreSQL ${m.postgres.ms.toFixed(0)} ms, ClickHouse ${m.clickhouse.ms.toFixed(0)} ms, engines ${m.agree ? "agree" : "DISAGREE"}; load ${m.load.map((l) => l.toFixed(1)).join(" → ")}`,
  );
}
