// npm run bench — the Actions tab at 10,000,000 actions, PostgreSQL vs ClickHouse, in one run.
// Builds (or reuses) the local PostgreSQL database `ab_bench10m`, syncs it to embedded ClickHouse
// with the app's backfill, times the tab, drill-down and exports on both engines through the
// app's own code, prints the table and writes it into BENCHMARKS.md. See BENCHMARKS.md for the
// options (BENCH_ACTIONS, BENCH_RUNS, BENCH_DATABASE_URL, BENCH_ANALYTICS_PATH, BENCH_MAX_LOAD,
// --rebuild).
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { BaselineCsvResult } from "./bench/baseline-csv";
import type { ExportResult } from "./bench/export-csv";
import type { Measured } from "./bench/measure-tab";
import type { MeasuredHttp } from "./bench/measure-http";
import type { BenchRun, Loaded } from "./bench/report";
import type { SyncResult } from "./bench/sync-analytics";
import { readCommandLine } from "./lib/command-line.mjs";

readCommandLine({
  command: "npm run bench",
  summary:
    "The Actions tab at 10,000,000 actions, PostgreSQL vs ClickHouse, in one run; writes the table into BENCHMARKS.md.",
  options: {
    rebuild: {
      type: "boolean",
      description: "Build the benchmark databases again, even if present.",
    },
  },
  notes: [
    "Environment: BENCH_SHAPE (power or wide), BENCH_ACTIONS, BENCH_RUNS, BENCH_DATABASE_URL, BENCH_ANALYTICS_PATH, BENCH_MAX_LOAD",
    "(see BENCHMARKS.md).",
  ],
});

// The work's modules load after the command line is read: `--help` answers without them.
const { default: pg } = await import("pg");
const { prepareDataset } = await import("./bench/build-dataset");
const { runChild } = await import("./bench/child-process");
const { BENCH_PROGRAM_ID, benchConfig, drillExportRows } = await import("./bench/config");
const { benchSection, misses, resultsTable, writeBenchmarks } = await import("./bench/report");
const { settle } = await import("./bench/timing");

const config = benchConfig();
const load = () =>
  os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(" / ");
const loadAtStart = load();
// The code the children will load, taken before they start.
const git = (...args: string[]) => execFileSync("git", args, { encoding: "utf8" }).trim();
const dirty = git("status", "--porcelain", "--", "lib", "app", "components")
  .split("\n")
  .filter(Boolean).length;
const code = `commit ${git("rev-parse", "--short", "HEAD")}${dirty ? ` + ${dirty} uncommitted files under lib/, app/, components/` : ""}`;

const dataset = await prepareDataset(config);
const sync = await runChild<SyncResult>("sync-analytics.ts", config.rebuild ? ["--rebuild"] : []);

// Positions in the data the measurements need, read once from PostgreSQL.
const client = new pg.Client({ connectionString: config.databaseUrl });
await client.connect();
const timezone = (
  await client.query<{ tz: string }>(`SELECT timezone AS tz FROM programs WHERE id = $1`, [
    BENCH_PROGRAM_ID,
  ])
).rows[0].tz;
// Page 1,000 of the drill-down (50 rows a page) starts after row 49,950, newest first.
const cursor = (
  await client.query<{ c: string }>(
    `SELECT (extract(epoch FROM occurred_at) * 1000)::bigint || '_' || id AS c FROM actions
     WHERE program_id = $1 AND archived_at IS NULL ORDER BY occurred_at DESC, id DESC OFFSET 49949 LIMIT 1`,
    [BENCH_PROGRAM_ID],
  )
).rows[0].c;
// The most recent local days holding at least the wanted number of drill-down rows.
const since = (
  await client.query<{ d: string }>(
    `SELECT to_char(d, 'YYYY-MM-DD') AS d FROM (
       SELECT d, sum(n) OVER (ORDER BY d DESC) AS cumulative FROM (
         SELECT (occurred_at AT TIME ZONE $2)::date AS d, count(*) AS n FROM actions
         WHERE program_id = $1 AND archived_at IS NULL GROUP BY 1) days) c
     WHERE cumulative >= $3 ORDER BY d DESC LIMIT 1`,
    [BENCH_PROGRAM_ID, timezone, drillExportRows(config.actions)],
  )
).rows[0].d;
const pgVersion = (
  await client.query<{ v: string }>(`SELECT current_setting('server_version') AS v`)
).rows[0].v;
const pgSettings = (
  await client.query<{ name: string; setting: string }>(
    `SELECT name, current_setting(name) AS setting FROM pg_settings
     WHERE name IN ('shared_buffers', 'work_mem', 'max_parallel_workers_per_gather') ORDER BY name`,
  )
).rows;
await client.end();

await settle("the tab measurements");
const tab = await runChild<Measured[]>("measure-tab.ts", [dataset.anchor, cursor]);
// The same views as whole pages from production servers (needs `npm run build`).
const http = existsSync(path.join(process.cwd(), ".next", "BUILD_ID"))
  ? await runChild<MeasuredHttp[]>("measure-http.ts")
  : null;
if (!http) console.error("No build (npm run build): the pages over HTTP are not measured.");

/** One child process, started once the machine has settled; its load averages are kept. */
async function settled<T>(label: string, start: () => Promise<T>): Promise<T & Loaded> {
  const before = await settle(label);
  console.error(`${label} …`);
  const result = await start();
  return { ...result, load: [before, os.loadavg()[0]] };
}
const exportOn = (engine: "postgres" | "clickhouse", file: string, query: string) =>
  settled(`Export ${file}?${query} on ${engine}`, () =>
    runChild<ExportResult>("export-csv.ts", [engine, file, query], {
      DATABASE_URL: config.databaseUrl,
      ANALYTICS_URL: engine === "clickhouse" ? `chdb://${config.analyticsPath}` : "",
    }),
  );
const engineCsvOn = (engine: "postgres" | "clickhouse", file: string, query: string) =>
  settled(`The engine's own CSV of ${file}?${query} on ${engine}`, () =>
    runChild<BaselineCsvResult>("baseline-csv.ts", [engine, file, query], {
      DATABASE_URL: config.databaseUrl,
      ANALYTICS_URL: engine === "clickhouse" ? `chdb://${config.analyticsPath}` : "",
    }),
  );
const drillQuery = `timeframe=since_${since}`;
const exports = {
  table: {
    postgres: await exportOn("postgres", "table.csv", "timeframe=any_time"),
    clickhouse: await exportOn("clickhouse", "table.csv", "timeframe=any_time"),
  },
  drill: {
    postgres: await exportOn("postgres", "actions.csv", drillQuery),
    clickhouse: await exportOn("clickhouse", "actions.csv", drillQuery),
  },
  baseline: {
    postgres: await exportOn("postgres", "occurrences.csv", drillQuery),
    clickhouse: await exportOn("clickhouse", "occurrences.csv", drillQuery),
  },
  engineCsv: {
    table: {
      postgres: await engineCsvOn("postgres", "table.csv", "timeframe=any_time"),
      clickhouse: await engineCsvOn("clickhouse", "table.csv", "timeframe=any_time"),
    },
    drill: {
      postgres: await engineCsvOn("postgres", "actions.csv", drillQuery),
      clickhouse: await engineCsvOn("clickhouse", "actions.csv", drillQuery),
    },
  },
};

const chdbVersion = execFileSync("npm", ["ls", "chdb", "--depth=0", "--json"], {
  encoding: "utf8",
});
const run: BenchRun = {
  code,
  date: new Date().toISOString().slice(0, 16).replace("T", " ") + " UTC",
  command: [
    config.shape !== "power" ? `BENCH_SHAPE=${config.shape}` : "",
    config.actions !== 10_000_000 ? `BENCH_ACTIONS=${config.actions}` : "",
    config.runs !== 5 ? `BENCH_RUNS=${config.runs}` : "",
    "npm run bench",
    config.rebuild ? "-- --rebuild" : "",
  ]
    .filter(Boolean)
    .join(" "),
  machine: `${os.availableParallelism()} × ${os.cpus()[0]?.model.trim() ?? "CPU"}, ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB RAM, load average ${loadAtStart} at start and ${load()} at the end`,
  versions: `Node ${process.version}, PostgreSQL ${pgVersion} (${pgSettings.map((s) => `${s.name} ${s.setting}`).join(", ")}), chdb ${JSON.parse(chdbVersion).dependencies?.chdb?.version ?? "?"} (ClickHouse ${sync.clickhouseVersion})`,
  runs: config.runs,
  maxLoad: config.maxLoad,
  dataset,
  sync,
  tab,
  http,
  exports,
};

console.log(`\n${resultsTable(run)}\n`);
const missed = misses(run);
console.log(missed.length ? `Missed:\n- ${missed.join("\n- ")}` : "Every target met.");
await writeBenchmarks(path.join(process.cwd(), "BENCHMARKS.md"), dataset.shape, benchSection(run));
console.log("Written to BENCHMARKS.md.");
