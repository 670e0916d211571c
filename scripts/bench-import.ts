// npm run bench:import — the PartnerStack import from another Actionboard over HTTP (issue 27):
// rows per second for each resource, against partnerships and customers ≥ 5,000/s and actions
// ≥ 10,000/s. A source program of known size is generated in its own local PostgreSQL database
// (ab_bench_import_source, reused while the size is the same) and served by the app's v2 list
// route handlers in a separate process (plain node:http: Next's own request handling is not
// part of it). Measured, in this order:
//   source alone   every page read over HTTP and parsed, nothing stored (the source's ceiling);
//   store alone    the same pages, already in memory, stored by runImport (the target's ceiling);
//   import         runImport over HTTP into a fresh target database, --runs times (median);
//   re-import      the last target imported again: every row read, nothing changes.
// The target is a fresh local PostgreSQL database (ab_bench_import_target) per run, or with
// --engines pglite,postgres also an embedded PGlite folder (.data/bench/import-pglite).
//   npm run bench:import
//   npm run bench:import -- --partnerships 2000 --customers 5000 --actions 20000 --runs 1
import { spawn } from "node:child_process";
import { rmSync } from "node:fs";
import path from "node:path";
import type { DatabaseTarget } from "../lib/db/connection";
import type { OpenDatabase } from "../lib/db/open";
import type { StepProgress } from "../lib/partnerstack/run-import";
import type { ImportSource } from "./bench/import-source";
import { readOptions } from "./check/options";

const options = readOptions({
  command: "npm run bench:import",
  summary:
    "Measures the PartnerStack import from another Actionboard over HTTP: rows per second for each resource.",
  flags: {
    partnerships: "Partnerships in the source, BENCH_IMPORT_PARTNERSHIPS (20000).",
    customers: "Customers in the source, BENCH_IMPORT_CUSTOMERS (50000).",
    actions: "Actions in the source, BENCH_IMPORT_ACTIONS (200000).",
    runs: "Imports over HTTP into a fresh target (median), BENCH_RUNS (3).",
    engines: "Target databases: postgres and/or pglite, BENCH_IMPORT_ENGINES (postgres).",
  },
});
const SIZE = {
  partnerships: options.whole("partnerships", "BENCH_IMPORT_PARTNERSHIPS", 20_000, 250, 1e6),
  customers: options.whole("customers", "BENCH_IMPORT_CUSTOMERS", 50_000, 250, 5e6),
  actions: options.whole("actions", "BENCH_IMPORT_ACTIONS", 200_000, 250, 2e7),
};
const RUNS = options.whole("runs", "BENCH_RUNS", 3, 1, 15);
const ENGINES = options
  .text("engines", "BENCH_IMPORT_ENGINES", "postgres")
  .split(",")
  .map((e) => e.trim());
if (ENGINES.some((e) => e !== "postgres" && e !== "pglite")) {
  throw new Error(`--engines takes postgres and/or pglite, not "${ENGINES.join(",")}"`);
}
// The work's modules load after the command line is read: `--help` answers without them.
const { migrate, openDatabase } = await import("../lib/db/open");
const { recreateLocalDatabase } = await import("../lib/db/recreate-local-database");
const { IMPORT_RESOURCES } = await import("../lib/partnerstack/import-resources");
const { partnerStackClient } = await import("../lib/partnerstack/partnerstack-client");
const { runImport, startOrResumeImport } = await import("../lib/partnerstack/run-import");
const { testDatabaseUrl } = await import("../lib/testing/engines");
const { addMember, createProgram, createUser } = await import("../lib/testing/factories");
const { openImportSource } = await import("./bench/import-source");
const { describeMachine } = await import("./check/machine");

const TARGETS: Record<string, number> = { partnerships: 5_000, customers: 5_000, actions: 10_000 };

const onServer = (name: string) => {
  const url = new URL(testDatabaseUrl());
  url.pathname = `/${name}`;
  return url.toString();
};
type Client = ReturnType<typeof partnerStackClient>;
type Rates = Record<string, { rows: number; ms: number }>;

/** The source's API in its own process; resolves with its base URL and a way to stop it. */
function startSourceServer(url: string) {
  const child = spawn(
    process.execPath,
    [...process.execArgv, path.join(import.meta.dirname, "bench/import-source-server.ts"), url],
    {
      // The bench reads ~1,300 pages a run: the per-key limit (6,000 a minute) would throttle it.
      env: { ...process.env, RATE_LIMIT_API_KEY: "1000000/1m" },
      stdio: ["pipe", "pipe", "inherit"],
    },
  );
  return new Promise<{ baseUrl: string; stop: () => Promise<void> }>((resolve, reject) => {
    child.on("error", reject);
    child.on("exit", (code) => reject(new Error(`the source server exited (${code})`)));
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => {
      const found = /@@source (\S+)/.exec(chunk);
      if (!found) return;
      resolve({
        baseUrl: found[1],
        stop: () =>
          new Promise<void>((done) => {
            child.removeAllListeners("exit");
            child.on("exit", () => done());
            child.stdin.end();
          }),
      });
    });
  });
}

/** A client that replays pages already read (the store alone, no HTTP). */
function replayClient(pages: Map<string, { key: string }[][]>): Client {
  return {
    check: async () => {},
    async listAll(resourcePath, _item, { onPage }) {
      for (const items of pages.get(resourcePath) ?? []) {
        await onPage(items as never, items.at(-1)?.key);
      }
    },
  };
}

/** A fresh target: the source's program shape, its managers members but the last one. */
async function freshTarget(engine: string, source: ImportSource) {
  let target: DatabaseTarget;
  if (engine === "pglite") {
    const dir = ".data/bench/import-pglite";
    rmSync(dir, { recursive: true, force: true });
    target = { engine: "pglite", dir };
  } else {
    const url = onServer("ab_bench_import_target");
    await recreateLocalDatabase(url);
    target = { engine: "postgres", url };
  }
  const db = await openDatabase(target);
  await migrate(db);
  const program = await createProgram(db.prisma, { timezone: "America/New_York" });
  // One manager is not a member: their partnerships wait for them by email.
  for (const email of source.managers.slice(0, -1)) {
    const user = await createUser(db.prisma, { email });
    await addMember(db.prisma, program.id, user.id, "manager");
  }
  return { db, programId: program.id };
}

/** One import of the program; rows and milliseconds per resource, as the steps count them. */
async function importOnce(db: OpenDatabase, programId: number, client: Client, baseUrl: string) {
  const { importId } = await startOrResumeImport(db.prisma, programId, {
    baseUrl,
    rerunRules: false,
    actor: { system: "npm run bench:import" },
  });
  const started = Date.now();
  const steps = await runImport(db.prisma, programId, importId, client);
  const rates: Rates = {};
  for (const step of steps) rates[step.resource] = { rows: step.fetched, ms: step.elapsedMs };
  return { rates, steps, wholeMs: Date.now() - started };
}

const perSecond = (r: { rows: number; ms: number }) => (r.ms > 0 ? (r.rows * 1000) / r.ms : 0);
const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
const whole = (n: number) => Math.round(n).toLocaleString("en-US");

console.log(`bench:import on ${describeMachine()}`);
const sourceUrl = onServer("ab_bench_import_source");
const source = await openImportSource(sourceUrl, SIZE);
console.log(
  `Source: ${whole(SIZE.partnerships)} partnerships, ${whole(SIZE.customers)} customers, ${whole(SIZE.actions)} actions, ${whole(source.rewards)} rewards (${source.builtInMs === null ? "reused" : `built in ${(source.builtInMs / 1000).toFixed(1)} s`})`,
);
const server = await startSourceServer(sourceUrl);
const results: { label: string; engine: string; rates: Rates; wholeMs: number }[] = [];
try {
  const client = partnerStackClient(server.baseUrl, source.keys, { allowPrivate: true });

  // Source alone: every page read and parsed, kept for the store-alone run.
  const pages = new Map<string, { key: string }[][]>();
  const alone: Rates = {};
  const walkStarted = Date.now();
  for (const resource of IMPORT_RESOURCES) {
    const kept: { key: string }[][] = [];
    const started = Date.now();
    await client.listAll(resource.path, resource.item, {
      query: resource.query,
      onPage: async (items) => void kept.push(items),
    });
    pages.set(resource.path, kept);
    alone[resource.name] = { rows: kept.flat().length, ms: Date.now() - started };
  }
  results.push({
    label: "source alone",
    engine: "—",
    rates: alone,
    wholeMs: Date.now() - walkStarted,
  });
  console.log(`source alone: ${JSON.stringify(alone)}`);

  for (const engine of ENGINES) {
    const stored = await freshTarget(engine, source);
    const once = await importOnce(stored.db, stored.programId, replayClient(pages), server.baseUrl);
    await stored.db.close();
    results.push({ label: "store alone", engine, ...once });
    console.log(`${engine} store alone: ${once.wholeMs} ms ${JSON.stringify(once.rates)}`);

    let last: { db: OpenDatabase; programId: number } | null = null;
    const runs: Rates[] = [];
    const wholes: number[] = [];
    for (let run = 1; run <= RUNS; run++) {
      await last?.db.close();
      last = await freshTarget(engine, source);
      const result = await importOnce(last.db, last.programId, client, server.baseUrl);
      runs.push(result.rates);
      wholes.push(result.wholeMs);
      console.log(`${engine} import ${run}: ${result.wholeMs} ms ${JSON.stringify(result.rates)}`);
      check(result.steps, source);
    }
    const medianRates: Rates = {};
    for (const name of Object.keys(runs[0])) {
      const rates = runs.map((r) => perSecond(r[name]));
      const m = median(rates);
      medianRates[name] = { rows: runs[0][name].rows, ms: (runs[0][name].rows * 1000) / m };
    }
    results.push({
      label: `import over HTTP (median of ${RUNS}: ${runs.map((r) => whole(perSecond(r.actions))).join(", ")} actions/s)`,
      engine,
      rates: medianRates,
      wholeMs: median(wholes),
    });
    const again = await importOnce(last!.db, last!.programId, client, server.baseUrl);
    results.push({ label: "re-import (nothing changes)", engine, ...again });
    console.log(`${engine} re-import: ${again.wholeMs} ms ${JSON.stringify(again.rates)}`);
    if (again.steps.some((s) => s.stored !== 0)) {
      throw new Error(`the re-import stored something: ${JSON.stringify(again.steps)}`);
    }
    await last!.db.close();
  }
} finally {
  await server.stop();
}

/** A run that did not import everything is no measurement. */
function check(steps: StepProgress[], imported: ImportSource) {
  const expected: Record<string, number> = {
    partnerships: SIZE.partnerships,
    customers: SIZE.customers,
    actions: SIZE.actions,
    rewards: imported.rewards,
  };
  for (const step of steps) {
    const want = expected[step.resource];
    if (want !== undefined && (step.stored !== want || step.fetched !== want)) {
      throw new Error(
        `${step.resource}: ${step.fetched} fetched, ${step.stored} stored of ${want}`,
      );
    }
  }
}

const names = IMPORT_RESOURCES.map((r) => r.name).filter((n) => n !== "groups");
console.log(`\n| measurement | target db | ${names.join(" | ")} | whole |`);
console.log(`| --- | --- | ${names.map(() => "---:").join(" | ")} | ---: |`);
for (const r of results) {
  const cells = names.map((n) => `${whole(perSecond(r.rates[n]))}/s`);
  console.log(
    `| ${r.label} | ${r.engine} | ${cells.join(" | ")} | ${(r.wholeMs / 1000).toFixed(1)} s |`,
  );
}
console.log(
  `\nRows: ${names.map((n) => `${n} ${whole(results[0].rates[n].rows)}`).join(", ")}. Targets: ${Object.entries(
    TARGETS,
  )
    .map(([n, t]) => `${n} ≥ ${whole(t)}/s`)
    .join(", ")}.`,
);
for (const r of results.filter((x) => x.label.startsWith("import over HTTP"))) {
  const missed = Object.entries(TARGETS).filter(([n, t]) => perSecond(r.rates[n]) < t);
  console.log(
    `${r.engine}: ${missed.length === 0 ? "all targets met" : `missed: ${missed.map(([n, t]) => `${n} ${whole(perSecond(r.rates[n]))}/s < ${whole(t)}/s`).join(", ")}`}`,
  );
}
process.exit(0);
