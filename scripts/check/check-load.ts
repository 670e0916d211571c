// npm run check:load — load without loss (issue 9, test 3). Starts `next start` (the build must
// exist; run under the build lock) on a fresh local PostgreSQL database with a seeded program and
// reward rules, then sends CHECK_ACTIONS actions from CHECK_CLIENTS concurrent clients over HTTP,
// as single POST /api/v2/actions and POST /api/v2/actions/batch. A share of the sends
// (CHECK_DUPLICATES) repeats an action another client sends at the same instant, same key and
// body. Afterwards: every request answered 200, each distinct key answered as new exactly once
// (its twin as a replay), the database holds exactly the distinct actions with exactly the rewards
// the rules give (plain SQL), and the Actions tab's tiles and table, downloaded as a signed-in
// viewer, equal the totals computed here from what was sent. Exits 1 on any difference.
//   npm run check:load                          # 100,000 actions
//   npm run check:load -- --actions 5000        # a quick run (or CHECK_ACTIONS=5000)
// Options (flag or variable): --actions CHECK_ACTIONS (100000), --clients CHECK_CLIENTS (20),
// --duplicates CHECK_DUPLICATES (0.1), --singles CHECK_SINGLES (share sent as single POSTs, 0.2),
// --max-batch CHECK_MAX_BATCH (500), --port CHECK_PORT (3210), --seed CHECK_SEED (random).
// The database is ab_check_load on the server of TEST_DATABASE_URL (local hosts only); it is
// dropped and recreated at the start and kept afterwards for inspection.
import type { ExpectedAction } from "./expected";
import type { Send } from "./load-plan";
import { readOptions } from "./options";

const options = readOptions({
  command: "npm run check:load",
  summary:
    "Load without loss: sends actions from concurrent clients to the app's server, then checks the database and the Actions tab hold exactly what was sent (the build must exist).",
  flags: {
    actions: "Actions to send, CHECK_ACTIONS (100000).",
    clients: "Concurrent clients, CHECK_CLIENTS (20).",
    duplicates: "Share sent twice at once, CHECK_DUPLICATES (0.1).",
    singles: "Share sent as single POSTs, CHECK_SINGLES (0.2).",
    "max-batch": "Largest batch, CHECK_MAX_BATCH (500).",
    port: "The server's port, CHECK_PORT (3210).",
    seed: "Random seed, CHECK_SEED (random).",
  },
});
const ACTIONS = options.whole("actions", "CHECK_ACTIONS", 100_000, 2, 10_000_000);
const CLIENTS = options.whole("clients", "CHECK_CLIENTS", 20, 2, 200);
const DUPLICATES = options.number("duplicates", "CHECK_DUPLICATES", 0.1, 0, 0.5);
const SINGLES = options.number("singles", "CHECK_SINGLES", 0.2, 0, 1);
const MAX_BATCH = options.whole("max-batch", "CHECK_MAX_BATCH", 500, 1, 1000);
const PORT = options.whole("port", "CHECK_PORT", 3210, 1024, 65535);
const SEED = options.whole("seed", "CHECK_SEED", Math.floor(Math.random() * 2 ** 31), 0, 2 ** 31);
// The work's modules load after the command line is read: `--help` answers without them.
const { openDatabase } = await import("../../lib/db/open");
const { fmt, judgeActionData, percentile, postJson } = await import("./api-client");
const { expectAction } = await import("./expected");
const { freshDatabase, seedCheckProgram } = await import("./fixture");
const { buildLoadPlan } = await import("./load-plan");
const { describeMachine } = await import("./machine");
const { startServer } = await import("./server");
const { compareAction, readStoredActions, readStoredTotals } = await import("./stored-actions");
const { compareTabTotals, expectedTabTotals, readTabTotals } = await import("./tab-totals");

const MAX_LISTED = 20;

const machineAtStart = describeMachine();
console.log(`check:load — seed ${SEED}; ${machineAtStart}`);
const target = await freshDatabase({ engine: "postgres", name: "ab_check_load" });
const program = await seedCheckProgram(target);
const plan = buildLoadPlan({
  actions: ACTIONS,
  clients: CLIENTS,
  duplicates: DUPLICATES,
  singleShare: SINGLES,
  maxBatch: MAX_BATCH,
  seed: SEED,
  now: Date.now(),
});
const expected = new Map<string, ExpectedAction>(
  [...plan.unique].map(([key, sent]) => [key, expectAction(sent)]),
);
const { server, readyMs } = await startServer({
  port: PORT,
  database: target,
  log: ".data/check/load-server.log",
  authorization: program.authorization,
});
console.log(`Server ready in ${fmt(readyMs)} ms on ${server.base.origin} (log ${server.log}).`);

const violations: string[] = [];
const failures = new Map<string, number>();
const answersByKey = new Map<string, { fresh: number; replayed: number }>();
const latency = { single: [] as number[], batch: [] as number[] };
let batchRequests = 0;
let answered = 0;

function fail(kind: string, detail: string) {
  failures.set(kind, (failures.get(kind) ?? 0) + 1);
  if (violations.length < 10_000) violations.push(detail);
}

function countAnswer(key: string, replayed: boolean) {
  const seen = answersByKey.get(key) ?? { fresh: 0, replayed: 0 };
  if (replayed) seen.replayed++;
  else seen.fresh++;
  answersByKey.set(key, seen);
}

async function send({ kind, actions }: Send) {
  if (kind === "single") {
    const [action] = actions;
    const answer = await postJson(server.base, program.authorization, "/api/v2/actions", action);
    latency.single.push(answer.ms);
    answered += 1;
    if (answer.status !== 200) {
      const why = answer.error ?? answer.json?.message ?? answer.json;
      return fail(`single ${answer.status}`, `${action.key}: single POST ${answer.status} ${why}`);
    }
    countAnswer(action.key, answer.replayedHeader);
    for (const p of judgeActionData(action, expected.get(action.key)!, answer.json.data)) {
      fail("wrong answer", p);
    }
    return;
  }
  const answer = await postJson(server.base, program.authorization, "/api/v2/actions/batch", {
    actions,
  });
  latency.batch.push(answer.ms);
  batchRequests += 1;
  answered += actions.length;
  if (answer.status !== 200) {
    const why = answer.error ?? answer.json?.message ?? answer.json;
    return fail(`batch ${answer.status}`, `batch of ${actions.length}: ${answer.status} ${why}`);
  }
  const results = answer.json.data.results as {
    status: number;
    replayed?: boolean;
    message?: string;
    data?: never;
  }[];
  actions.forEach((action, i) => {
    const result = results[i];
    if (result?.status !== 200) {
      return fail(
        `batch item ${result?.status}`,
        `${action.key}: batch item ${result?.status} ${result?.message}`,
      );
    }
    countAnswer(action.key, result.replayed === true);
    for (const p of judgeActionData(action, expected.get(action.key)!, result.data!)) {
      fail("wrong answer", p);
    }
  });
}

const uniqueCount = plan.unique.size;
console.log(
  `Sending ${fmt(plan.sends)} actions (${fmt(uniqueCount)} distinct, ${fmt(plan.duplicateSends)} racing duplicates; ` +
    `${fmt(plan.singleSends)} as single POSTs) from ${CLIENTS} clients …`,
);
const started = performance.now();
const progress = setInterval(() => {
  const s = (performance.now() - started) / 1000;
  console.log(`  ${fmt(answered)} / ${fmt(plan.sends)} after ${fmt(s)} s`);
}, 15_000);
await Promise.all(
  plan.pairs.map(async (steps) => {
    for (const step of steps) await Promise.all(step.map(send));
  }),
);
clearInterval(progress);
const elapsedS = (performance.now() - started) / 1000;

// Answers: every distinct key was answered "recorded" exactly once, its twin as a replay.
let racedAndReplayed = 0;
const sendsByKey = new Map<string, number>();
for (const step of plan.pairs.flat()) {
  for (const s of step)
    for (const a of s.actions) sendsByKey.set(a.key, (sendsByKey.get(a.key) ?? 0) + 1);
}
for (const [key, sends] of sendsByKey) {
  const seen = answersByKey.get(key) ?? { fresh: 0, replayed: 0 };
  if (seen.fresh + seen.replayed !== sends) continue; // already reported as a failed request
  if (seen.fresh !== 1) fail("not new exactly once", `${key}: answered as new ${seen.fresh} times`);
  if (sends === 2 && seen.replayed === 1 && seen.fresh === 1) racedAndReplayed++;
}

// The tab, read over HTTP while the server is up.
const tabWant = expectedTabTotals(expected.values());
const tabGot = await readTabTotals(server.base, program.slug, program.viewer);
for (const p of compareTabTotals(tabWant, tabGot)) fail("tab total", p);
await server.stop();

// The database, read with plain SQL.
const db = await openDatabase(target);
const { stored, totals } = await db.withRunner(async (runner) => ({
  stored: await readStoredActions(runner, program.programId),
  totals: await readStoredTotals(runner, program.programId),
}));
await db.close();
for (const [key, want] of expected) {
  const got = stored.get(key);
  if (!got) fail("missing action", `${key}: not stored`);
  else for (const p of compareAction(key, want, got)) fail("stored action differs", p);
}
for (const key of stored.keys()) {
  if (!expected.has(key)) fail("unexpected action", `${key}: stored but never sent`);
}
const wantRewards = [...expected.values()].reduce((n, a) => n + a.rewards.size, 0);
const sql = {
  actions: [totals.actions, uniqueCount],
  "total value": [totals.totalValue, tabWant.totalValue],
  "reward cents on actions": [totals.rewardCents, tabWant.rewardCents],
  rewards: [totals.rewards, wantRewards],
  "reward cents in rewards": [totals.rewardsCents, tabWant.rewardCents],
  partners: [totals.partners, tabWant.partners],
  customers: [totals.customers, tabWant.customers],
};
for (const [what, [got, want]] of Object.entries(sql)) {
  if (got !== want) fail("SQL total", `SQL ${what}: ${got}, expected ${want}`);
}

const ms = (values: number[], p: number) => fmt(percentile(values, p), 1);
for (const values of Object.values(latency)) values.sort((a, b) => a - b);
const errors = [...failures].map(([kind, n]) => `${fmt(n)} × ${kind}`).join(", ") || "none";
const batchActions = plan.sends - plan.singleSends;
console.log(`
## check:load — ${fmt(plan.sends)} actions, ${CLIENTS} clients, PostgreSQL

Seed ${SEED}. Machine at start: ${machineAtStart}. At the end: ${describeMachine()}.

| measurement | result |
| --- | --- |
| sent | ${fmt(plan.sends)} actions = ${fmt(uniqueCount)} distinct + ${fmt(plan.duplicateSends)} racing duplicates (${fmt((100 * plan.duplicateSends) / plan.sends, 1)} %); ${fmt(plan.singleSends)} by single POST, ${fmt(batchActions)} in ${fmt(batchRequests)} batches (10–${MAX_BATCH}) |
| wall time | ${fmt(elapsedS, 1)} s |
| throughput | ${fmt(plan.sends / elapsedS)} actions/s sent, ${fmt(uniqueCount / elapsedS)} distinct actions/s stored |
| single POST latency | p50 ${ms(latency.single, 50)} ms, p95 ${ms(latency.single, 95)} ms, p99 ${ms(latency.single, 99)} ms (${fmt(latency.single.length)} requests) |
| batch latency | p50 ${ms(latency.batch, 50)} ms, p95 ${ms(latency.batch, 95)} ms, p99 ${ms(latency.batch, 99)} ms (${fmt(latency.batch.length)} requests, ${fmt(batchActions / Math.max(1, batchRequests))} actions each on average) |
| errors | ${errors} |
| racing duplicates | ${fmt(racedAndReplayed)} of ${fmt(plan.duplicateSends)} keys answered 200 "recorded" once and 200 replay once (\`Idempotent-Replayed: true\` / \`replayed: true\`) |
| stored (SQL) | ${fmt(totals.actions)} actions (expected ${fmt(uniqueCount)}), ${fmt(totals.rewards)} rewards (expected ${fmt(wantRewards)}), ${fmt(totals.rewardsCents)} reward cents (expected ${fmt(tabWant.rewardCents)}) |
| Actions tab (CSV downloads, any time) | ${fmt(tabGot.occurrences)} occurrences, total value ${fmt(tabGot.totalValue)}, rewards ${fmt(tabGot.rewardCents)} cents, ${fmt(tabGot.partners)} partners, ${fmt(tabGot.customers)} customers, ${fmt(tabGot.rows.size)} table rows (expected ${fmt(tabWant.occurrences)}, ${fmt(tabWant.totalValue)}, ${fmt(tabWant.rewardCents)}, ${fmt(tabWant.partners)}, ${fmt(tabWant.customers)}, ${fmt(tabWant.rows.size)}) |
`);
if (violations.length > 0) {
  console.log(`FAILED: ${errors}. First ${Math.min(MAX_LISTED, violations.length)}:`);
  for (const v of violations.slice(0, MAX_LISTED)) console.log(`  ${v}`);
  process.exit(1);
}
console.log("OK: no loss, no double, tab totals equal the expected totals.");
