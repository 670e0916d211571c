// npm run bench:ingest — measures ingestion through the public API of a running server.
//  (a) POST /api/v2/actions/batch with 1,000 actions: median of BENCH_RUNS (≥ 5) runs after one
//      warm-up, as actions/s;
//  (b) single POST /api/v2/actions at a fixed open-loop rate (BENCH_RATE, default 200/s) for
//      BENCH_SECONDS (default 20): p50/p95/p99 latency, measured from each request's scheduled
//      time (so a stalled server cannot hide its queue), errors, and requests skipped because
//      BENCH_MAX_IN_FLIGHT (default 64) were already outstanding.
// It creates its own program, partnerships, customers, rules and API key in BENCH_DATABASE_URL
// (default postgresql://postgres@127.0.0.1:5432/ab_bench_ingest; created when missing, never
// dropped) and talks to BENCH_BASE_URL (default http://127.0.0.1:3100), which must serve that
// database. Local hosts only. Not part of the tests. Steps:
//   BENCH_SETUP_ONLY=1 npm run bench:ingest        # creates and migrates the database
//   npm run build && DATABASE_URL=postgresql://postgres@127.0.0.1:5432/ab_bench_ingest \
//     npx next start -H 127.0.0.1 -p 3100           # in another terminal
//   npm run bench:ingest                           # prints a markdown table
// Afterwards it signs in as a viewer and compares PostgreSQL's count of the program's actions with
// the Actions tab's (ClickHouse when the server runs with ANALYTICS_URL), and times how long 20
// single actions take to become countable on the tab.
import { readCommandLine } from "./lib/command-line";

readCommandLine({
  command: "npm run bench:ingest",
  summary:
    "Measures ingestion through the public API of a running server (batches, then single actions at a fixed rate).",
  notes: [
    "Environment: BENCH_BASE_URL (http://127.0.0.1:3100), BENCH_DATABASE_URL, BENCH_RUNS (5),",
    "BENCH_RATE (200), BENCH_SECONDS (20), BENCH_MAX_IN_FLIGHT (64), BENCH_SETUP_ONLY=1 (create the",
    "database only). Steps: see the top of scripts/bench-ingest.ts.",
  ],
});

// The work's modules load after the command line is read: `--help` answers without them.
const { default: pg } = await import("pg");
const { benchAction, createIngestBenchProgram } = await import("./bench/ingest-fixture");
const { signInOverHttp, tabCount } = await import("./bench/tab-over-http");

const BASE_URL = new URL(process.env.BENCH_BASE_URL ?? "http://127.0.0.1:3100");
const DATABASE_URL =
  process.env.BENCH_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/ab_bench_ingest";
const RUNS = Math.trunc(Number(process.env.BENCH_RUNS ?? 5));
const BATCH = 1_000;
const RATE = Number(process.env.BENCH_RATE ?? 200);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 20);
const MAX_IN_FLIGHT = Number(process.env.BENCH_MAX_IN_FLIGHT ?? 64);
const REQUEST_TIMEOUT_MS = 30_000;

if (!["127.0.0.1", "localhost", "[::1]"].includes(BASE_URL.hostname)) {
  throw new Error(`BENCH_BASE_URL must be a local address, not "${BASE_URL.hostname}".`);
}
const within = (v: number, min: number, max: number) => Number.isFinite(v) && v >= min && v <= max;
if (
  !within(RUNS, 5, 100) ||
  !within(RATE, 1, 2_000) ||
  !within(SECONDS, 1, 300) ||
  !within(MAX_IN_FLIGHT, 1, 1_000)
) {
  throw new Error(
    "BENCH_RUNS (5–100), BENCH_RATE (1–2000), BENCH_SECONDS (1–300) or BENCH_MAX_IN_FLIGHT (1–1000) is out of range.",
  );
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

const program = await createIngestBenchProgram(DATABASE_URL);
console.log(`Program ${program.slug} (id ${program.programId}) in ${DATABASE_URL}`);
if (process.env.BENCH_SETUP_ONLY === "1") process.exit(0);

async function call(path: string, body?: unknown) {
  const response = await fetch(new URL(path, BASE_URL), {
    method: body === undefined ? "GET" : "POST",
    headers: { authorization: program.authorization, "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
    signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
  });
  return { status: response.status, json: await response.json().catch(() => null) };
}

const probe = await call("/api/v2/actions?limit=1").catch((error: Error) => ({
  status: 0,
  json: error.message,
}));
if (probe.status !== 200) {
  throw new Error(
    `${BASE_URL.origin} answered ${probe.status || probe.json} to the bench key: is the server ` +
      `running with DATABASE_URL=${DATABASE_URL}?`,
  );
}

// (a) Batches: every run sends 1,000 new keys, so nothing is a replay.
async function batchRun(run: number): Promise<number> {
  const actions = Array.from({ length: BATCH }, (_, i) => benchAction(`b${run}-${i}`, i + run));
  const started = performance.now();
  const { status, json } = await call("/api/v2/actions/batch", { actions });
  const ms = performance.now() - started;
  if (status !== 200 || json?.data?.accepted !== BATCH) {
    throw new Error(`Batch run ${run} answered ${status}: ${JSON.stringify(json).slice(0, 300)}`);
  }
  return ms;
}
await batchRun(0);
const batchMs: number[] = [];
for (let run = 1; run <= RUNS; run++) batchMs.push(await batchRun(run));
batchMs.sort((a, b) => a - b);

// (b) Single POSTs, open loop: request i is due at start + i / RATE whatever came back.
const latencies: number[] = [];
let errors = 0;
let skipped = 0;
let inFlight = 0;
const pending: Promise<void>[] = [];
const total = Math.round(RATE * SECONDS);
const start = performance.now();
for (let i = 0; i < total; i++) {
  const due = start + (i * 1000) / RATE;
  const wait = due - performance.now();
  if (wait > 0) await sleep(wait);
  if (inFlight >= MAX_IN_FLIGHT) {
    skipped++;
    continue;
  }
  inFlight++;
  pending.push(
    call("/api/v2/actions", benchAction(`s-${i}`, i))
      .then(({ status }) => {
        if (status === 200) latencies.push(performance.now() - due);
        else errors++;
      })
      .catch(() => {
        errors++;
      })
      .finally(() => {
        inFlight--;
      }),
  );
}
await Promise.all(pending);
const elapsedS = (performance.now() - start) / 1000;
latencies.sort((a, b) => a - b);

const ms = (v: number) => v.toFixed(1);
const medianBatch = percentile(batchMs, 50);
console.log(`
| measurement | requests | ok | errors | skipped | p50 ms | p95 ms | p99 ms | throughput |
| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |
| batch of ${BATCH.toLocaleString("en-US")} (median of ${RUNS}) | ${RUNS} | ${RUNS} | 0 | 0 | ${ms(medianBatch)} | ${ms(percentile(batchMs, 95))} | ${ms(percentile(batchMs, 99))} | ${Math.round((BATCH * 1000) / medianBatch).toLocaleString("en-US")} actions/s |
| single POST at ${RATE}/s for ${SECONDS} s (≤ ${MAX_IN_FLIGHT} in flight) | ${total} | ${latencies.length} | ${errors} | ${skipped} | ${ms(percentile(latencies, 50))} | ${ms(percentile(latencies, 95))} | ${ms(percentile(latencies, 99))} | ${(latencies.length / elapsedS).toFixed(1)} actions/s |
`);

// (c) The tab's count (ClickHouse when the server has ANALYTICS_URL) against PostgreSQL's.
const cookie = await signInOverHttp(BASE_URL, program.viewer.email, program.viewer.password);
const client = new pg.Client({ connectionString: DATABASE_URL });
await client.connect();
const {
  rows: [{ n }],
} = await client.query(
  "SELECT count(*)::int AS n FROM actions WHERE program_id = $1 AND archived_at IS NULL",
  [program.programId],
);
await client.end();
const agreeStarted = performance.now();
let shown = await tabCount(BASE_URL, program.slug, cookie);
while (shown !== n && performance.now() - agreeStarted < 60_000) {
  await sleep(100);
  shown = await tabCount(BASE_URL, program.slug, cookie);
}
const agreeMs = performance.now() - agreeStarted;

// (d) Countable within: each action sent alone, then the tab polled until it counts it.
const visible: number[] = [];
for (let i = 0; i < 20; i++) {
  const since = Date.now() - 1;
  const sent = performance.now();
  const { status } = await call("/api/v2/actions", benchAction(`v-${i}`, i));
  if (status !== 200) throw new Error(`visibility probe ${i} answered ${status}`);
  while ((await tabCount(BASE_URL, program.slug, cookie, since)) < 1) {
    if (performance.now() - sent > 30_000) throw new Error("an action stayed uncounted for 30 s");
    await sleep(20);
  }
  visible.push(performance.now() - sent);
}
visible.sort((a, b) => a - b);
console.log(`| measurement | result |
| --- | --- |
| PostgreSQL count vs the tab's count after the load | ${n.toLocaleString("en-US")} vs ${shown.toLocaleString("en-US")} — ${shown === n ? `agree (after ${ms(agreeMs)} ms)` : "DISAGREE"} |
| single action → countable on the tab (20 probes) | p50 ${ms(percentile(visible, 50))} ms, max ${ms(visible[visible.length - 1])} ms |
`);
if (shown !== n) process.exitCode = 1;
