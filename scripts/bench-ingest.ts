// npm run bench:ingest — the Actions API over HTTP, side by side with a baseline in the same run.
// Starts, on a fresh local PostgreSQL database (BENCH_DATABASE_URL, default
// postgresql://postgres@127.0.0.1:5432/ab_bench_ingest, dropped and recreated; local hosts only):
//   - the baseline (scripts/bench/ingest-baseline-server.ts): node:http + pg doing the same work
//     per request in one statement — key, targets, rules, actions, rewards, a log row;
//   - the app (scripts/start-server.mjs, the build must exist: run under the build lock), a
//     second app process on the next port but one for the two-process figures (--processes 1
//     leaves it out), and the app with DIRECT_INGESTION=off (port +3: Next's request handling
//     answers the ingestion endpoints, as before the server answered them itself).
// Each server gets its own program (1,000 partnerships, 10,000 customers, three reward rules). Then,
// after a warm-up, for each server in turn: single POST /api/v2/actions in a closed loop
// (--in-flight outstanding, --requests in all); single POSTs in an open loop at --rate per second
// for --seconds (latency from each request's due time; a request due while --max-in-flight are
// outstanding is skipped and counted); POST /api/v2/actions/batch with 1,000 actions, median of
// --runs. CPU used by the server's processes and by PostgreSQL is divided by the requests. Then
// SQL checks that both stored the same rewards for the same kinds of actions. Finally (--tab 1)
// the app alone with the analytics copy (embedded ClickHouse): PostgreSQL's count against the
// tab's, and how long one action takes to become countable there. Prints markdown tables.
import { existsSync, rmSync } from "node:fs";
import type { CheckServer } from "./check/server";
import type { LoadResult, Target } from "./bench/http-load";
import type { Measured } from "./bench/ingest-report";
import { readOptions } from "./check/options";

const options = readOptions({
  command: "npm run bench:ingest",
  summary:
    "Measures the Actions API over HTTP against a node:http + pg baseline doing the same work, in the same run (the build must exist).",
  flags: {
    requests: "Closed-loop single POSTs, BENCH_REQUESTS (2000).",
    "in-flight": "Closed-loop requests outstanding, BENCH_IN_FLIGHT (32).",
    rate: "Open-loop single POSTs per second, BENCH_RATE (200).",
    seconds: "Open-loop duration, BENCH_SECONDS (20).",
    "max-in-flight": "Open-loop cap on outstanding requests, BENCH_MAX_IN_FLIGHT (64).",
    runs: "Batches of 1,000 measured (median), BENCH_RUNS (5).",
    processes: "App processes for the scaling figures: 1 or 2, BENCH_PROCESSES (2).",
    tab: "Then the tab on the analytics copy: 1 or 0, BENCH_TAB (1).",
    port: "First port (app; baseline +1, second app +2), BENCH_PORT (3100).",
    profile: "A folder: the app's processes write V8 CPU profiles there, BENCH_PROFILE (none).",
  },
});
const REQUESTS = options.whole("requests", "BENCH_REQUESTS", 2000, 100, 1_000_000);
const IN_FLIGHT = options.whole("in-flight", "BENCH_IN_FLIGHT", 32, 1, 512);
const RATE = options.number("rate", "BENCH_RATE", 200, 1, 5000);
const SECONDS = options.number("seconds", "BENCH_SECONDS", 20, 1, 600);
const MAX_IN_FLIGHT = options.whole("max-in-flight", "BENCH_MAX_IN_FLIGHT", 64, 1, 256);
const RUNS = options.whole("runs", "BENCH_RUNS", 5, 1, 100);
const PROCESSES = options.whole("processes", "BENCH_PROCESSES", 2, 1, 2);
const TAB = options.whole("tab", "BENCH_TAB", 1, 0, 1);
const PORT = options.whole("port", "BENCH_PORT", 3100, 1024, 65000);
const PROFILE = options.text("profile", "BENCH_PROFILE", "");

// The work's modules load after the command line is read: `--help` answers without them.
const { recreateLocalDatabase } = await import("../lib/db/recreate-local-database");
const { assertLocalDatabase } = await import("../lib/db/local-guard");
const { describeMachine } = await import("./check/machine");
const { startServer } = await import("./check/server");
const { startBaseline } = await import("./bench/ingest-baseline");
const { benchAction, createIngestBenchProgram } = await import("./bench/ingest-fixture");
const { batchRuns, closedLoop, openLoop } = await import("./bench/http-load");
const { withCpu } = await import("./bench/process-cpu");
const { compareStoredWork } = await import("./bench/ingest-same-work");
const { printIngestReport } = await import("./bench/ingest-report");
const { measureTab } = await import("./bench/ingest-tab");
const DATABASE_URL =
  process.env.BENCH_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/ab_bench_ingest";
const DATABASE_NAME = decodeURIComponent(new URL(DATABASE_URL).pathname.slice(1));
const BATCH = 1_000;
// JIT warm-up: the app's CPU per request settles only after about 2,000 requests.
const WARM_UP = 2_000;

assertLocalDatabase({ engine: "postgres", url: DATABASE_URL });
if (!existsSync(".next/BUILD_ID")) throw new Error("No build in .next: run `npm run build` first.");
const machine = describeMachine();
console.log(`bench:ingest — ${machine}`);

// Each program's fixture migrates the fresh database (a no-op after the first).
await recreateLocalDatabase(DATABASE_URL);
const programs = {
  baseline: await createIngestBenchProgram(DATABASE_URL),
  app: await createIngestBenchProgram(DATABASE_URL),
  twoProcesses: await createIngestBenchProgram(DATABASE_URL),
  viaNext: await createIngestBenchProgram(DATABASE_URL),
};

const database = { engine: "postgres" as const, url: DATABASE_URL };
const startApp = (
  port: number,
  authorization: string,
  analyticsUrl?: string,
  env?: Record<string, string>,
) =>
  startServer({
    port,
    database,
    log: `.data/bench/ingest-app-${port}.log`,
    authorization,
    analyticsUrl,
    env,
    nodeArgs: PROFILE ? ["--cpu-prof", `--cpu-prof-dir=${PROFILE}`] : undefined,
  }).then(({ server }) => server);

const baseline = await startBaseline({
  port: PORT + 1,
  databaseUrl: DATABASE_URL,
  log: ".data/bench/ingest-baseline.log",
});
const apps: CheckServer[] = [await startApp(PORT, programs.app.authorization)];
if (PROCESSES === 2) apps.push(await startApp(PORT + 2, programs.twoProcesses.authorization));
const viaNext = await startApp(PORT + 3, programs.viaNext.authorization, undefined, {
  DIRECT_INGESTION: "off",
});

interface Subject {
  name: string;
  target: Target;
  groups: number[];
  batches: boolean;
}
const subjects: Subject[] = [
  {
    name: "baseline",
    target: { bases: [baseline.base], authorization: programs.baseline.authorization },
    groups: [baseline.pid],
    batches: true,
  },
  {
    name: "app",
    target: { bases: [apps[0].base], authorization: programs.app.authorization },
    groups: [apps[0].pid],
    batches: true,
  },
];
subjects.push({
  name: "app, through Next",
  target: { bases: [viaNext.base], authorization: programs.viaNext.authorization },
  groups: [viaNext.pid],
  batches: true,
});
if (PROCESSES === 2) {
  subjects.push({
    name: "app, 2 processes",
    target: { bases: apps.map((a) => a.base), authorization: programs.twoProcesses.authorization },
    groups: apps.map((a) => a.pid),
    batches: false,
  });
}

const measured = new Map<string, Measured>(subjects.map((s) => [s.name, {}]));
const timed = async (subject: Subject, work: () => Promise<LoadResult>) => {
  const { result, serverCpuMs, postgresCpuMs } = await withCpu(subject.groups, DATABASE_NAME, work);
  return { ...result, serverCpuMs, postgresCpuMs };
};
try {
  for (const s of subjects)
    await closedLoop(s.target, WARM_UP, IN_FLIGHT, (i) => benchAction(`w-${i}`, i));
  for (const s of subjects) {
    console.log(`closed loop: ${s.name}`);
    measured.get(s.name)!.closed = await timed(s, () =>
      closedLoop(s.target, REQUESTS, IN_FLIGHT, (i) => benchAction(`c-${i}`, i)),
    );
  }
  for (const s of subjects) {
    console.log(`open loop: ${s.name}`);
    measured.get(s.name)!.open = await timed(s, () =>
      openLoop(s.target, RATE, SECONDS, MAX_IN_FLIGHT, (i) => benchAction(`o-${i}`, i)),
    );
  }
  for (const s of subjects.filter((s) => s.batches)) {
    console.log(`batches: ${s.name}`);
    measured.get(s.name)!.batchMs = await batchRuns(s.target, RUNS, (run) =>
      Array.from({ length: BATCH }, (_, i) => benchAction(`b${run}-${i}`, i + run)),
    );
  }
} finally {
  await baseline.stop();
  for (const app of apps) await app.stop();
  await viaNext.stop();
}

const ids = [programs.baseline, programs.app, programs.viaNext, programs.twoProcesses].map(
  (p) => p.programId,
);
const work = await compareStoredWork(DATABASE_URL, PROCESSES === 2 ? ids : ids.slice(0, 3));
printIngestReport({
  machine,
  settings: {
    requests: REQUESTS,
    inFlight: IN_FLIGHT,
    rate: RATE,
    seconds: SECONDS,
    maxInFlight: MAX_IN_FLIGHT,
    runs: RUNS,
    batch: BATCH,
  },
  subjects: subjects.map((s) => ({ name: s.name, ...measured.get(s.name)! })),
  stored: work.totals,
});
if (work.problems.length > 0) {
  console.error(
    `The baseline and the app stored different work:\n  ${work.problems.slice(0, 20).join("\n  ")}`,
  );
  process.exitCode = 1;
}

if (TAB === 1) {
  const folder = ".data/bench/ingest-analytics";
  rmSync(folder, { recursive: true, force: true });
  const server = await startApp(PORT, programs.app.authorization, `chdb://${folder}`);
  try {
    const tab = await measureTab(server.base, DATABASE_URL, programs.app);
    if (!tab.agree) process.exitCode = 1;
  } finally {
    await server.stop();
  }
}
