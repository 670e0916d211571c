// npm run check:crash — crash safety (issue 9, test 4). For each database (a fresh local
// PostgreSQL database and a fresh embedded PGlite folder), seeds a program with reward rules,
// then for CHECK_CRASH_ROUNDS rounds: starts `next start` (the build must exist; run under the
// build lock), has CHECK_CRASH_CLIENTS clients send batches of 1,000 actions back to back, and
// once a batch was acknowledged, SIGKILLs the server's whole process group at a random moment.
// After the last round it restarts the server once more (the embedded database must reopen after
// the crash), stops it and checks with plain SQL: every acknowledged batch (200 received) is
// stored, every batch is stored whole or not at all, nothing unsent is stored, and each action
// carries exactly the rewards the rules give (its reward_cents equal to the sum of its rewards).
// Then it resends every unacknowledged batch: the server must replay the stored ones whole and
// record the others whole.
//   npm run check:crash                              # 5 rounds on PostgreSQL, then on PGlite
//   npm run check:crash -- --rounds 10 --engines pglite
// Options (flag or variable): --rounds CHECK_CRASH_ROUNDS (5), --engines CHECK_CRASH_ENGINES
// (postgres,pglite), --clients CHECK_CRASH_CLIENTS (2), --kill-after-ms CHECK_CRASH_KILL_MS
// (the kill comes uniformly within this many ms after the round's first acknowledgement, 3000),
// --port CHECK_PORT (3220), --seed CHECK_SEED (random). Databases: ab_check_crash on the server
// of TEST_DATABASE_URL (local hosts only), .data/check/crash-pglite; both kept for inspection.
import type { DatabaseTarget } from "../../lib/db/connection";
import type { Random } from "../../lib/seed/random";
import type { CheckProgram } from "./fixture";
import type { Batch } from "./crash-batches";
import { readOptions } from "./options";

const options = readOptions({
  command: "npm run check:crash",
  summary:
    "Crash safety: SIGKILLs the app's server while clients send batches, then checks every acknowledged batch is stored whole (the build must exist).",
  flags: {
    rounds: "Rounds, CHECK_CRASH_ROUNDS (5).",
    engines: "postgres and/or pglite, CHECK_CRASH_ENGINES (postgres,pglite).",
    clients: "Concurrent clients, CHECK_CRASH_CLIENTS (2).",
    "kill-after-ms": "Latest kill after the first acknowledged batch, CHECK_CRASH_KILL_MS (3000).",
    port: "The server's port, CHECK_PORT (3220).",
    seed: "Random seed, CHECK_SEED (random).",
  },
});
const ROUNDS = options.whole("rounds", "CHECK_CRASH_ROUNDS", 5, 1, 1000);
const CLIENTS = options.whole("clients", "CHECK_CRASH_CLIENTS", 2, 1, 20);
const KILL_MS = options.whole("kill-after-ms", "CHECK_CRASH_KILL_MS", 3000, 1, 600_000);
const PORT = options.whole("port", "CHECK_PORT", 3220, 1024, 65535);
const SEED = options.whole("seed", "CHECK_SEED", Math.floor(Math.random() * 2 ** 31), 0, 2 ** 31);
const ENGINES = options.engines("engines", "CHECK_CRASH_ENGINES");
// The work's modules load after the command line is read: `--help` answers without them.
const { createRandom } = await import("../../lib/seed/random");
const { fmt, judgeActionData, postJson } = await import("./api-client");
const { expectAction, randomAction } = await import("./expected");
const { freshDatabase, seedCheckProgram } = await import("./fixture");
const { apiTotal, BATCH, resendUnanswered, verifyStored } = await import("./crash-batches");
const { describeMachine } = await import("./machine");
const { startServer } = await import("./server");

const MAX_LISTED = 20;

interface RoundFigures {
  readyMs: number;
  totalAtStart: number;
  killAtMs: number;
  acked: number;
  inFlightAtKill: number;
}

interface EngineFigures {
  engine: string;
  rounds: RoundFigures[];
  finalReadyMs: number;
  batches: number;
  acked: number;
  unanswered: number;
  unansweredStored: number;
  storedActions: number;
  rewards: number;
  /** Time from sending a batch to its 200, of every acknowledged batch. */
  ackMs: number[];
  violations: string[];
}

async function crashRound(
  round: number,
  target: DatabaseTarget,
  program: CheckProgram,
  batches: Batch[],
  random: Random,
  violations: string[],
  ackMs: number[],
  log: string,
): Promise<RoundFigures> {
  const { server, readyMs } = await startServer({
    port: PORT,
    database: target,
    log,
    authorization: program.authorization,
  });
  const totalAtStart = await apiTotal(server, program);
  let killed = false;
  let firstAck: () => void = () => {};
  const acknowledged = new Promise<void>((resolve) => (firstAck = resolve));
  const inFlight = new Set<Batch>();
  const client = async () => {
    while (!killed) {
      const id = batches.length;
      const actions = Array.from({ length: BATCH }, (_, i) =>
        randomAction(`b${id}-${i}`, random, Date.now()),
      );
      const batch: Batch = { id, round, actions, state: "unanswered" };
      batches.push(batch);
      inFlight.add(batch);
      const answer = await postJson(server.base, program.authorization, "/api/v2/actions/batch", {
        actions,
      });
      inFlight.delete(batch);
      if (answer.status === 0 && killed) continue;
      const results = answer.json?.data?.results as
        { status: number; replayed: boolean; data: never }[] | undefined;
      if (answer.status !== 200 || results?.some((r) => r.status !== 200 || r.replayed)) {
        batch.state = "refused";
        violations.push(
          `batch ${id}: answered ${answer.status} ${answer.error ?? JSON.stringify(answer.json).slice(0, 300)}`,
        );
        continue;
      }
      batch.state = "acked";
      ackMs.push(answer.ms);
      firstAck();
      actions.forEach((a, i) =>
        violations.push(...judgeActionData(a, expectAction(a), results![i].data)),
      );
    }
  };
  const clients = Array.from({ length: CLIENTS }, client);
  // Each round first proves a batch can be acknowledged, then dies at a random moment.
  const sending = performance.now();
  const noAck = setTimeout(() => {
    violations.push(`round ${round}: no batch acknowledged within 120 s`);
    firstAck();
  }, 120_000);
  await acknowledged;
  clearTimeout(noAck);
  await new Promise((resolve) => setTimeout(resolve, random.next() * KILL_MS));
  const killAtMs = performance.now() - sending;
  killed = true;
  const inFlightAtKill = inFlight.size;
  await server.kill();
  await Promise.all(clients);
  return {
    readyMs,
    totalAtStart,
    killAtMs,
    acked: batches.filter((b) => b.round === round && b.state === "acked").length,
    inFlightAtKill,
  };
}

async function checkEngine(engine: "postgres" | "pglite", random: Random): Promise<EngineFigures> {
  const log = `.data/check/crash-${engine}-server.log`;
  const target = await freshDatabase(
    engine === "postgres"
      ? { engine, name: "ab_check_crash" }
      : { engine, dir: ".data/check/crash-pglite" },
  );
  const program = await seedCheckProgram(target);
  const batches: Batch[] = [];
  const violations: string[] = [];
  const rounds: RoundFigures[] = [];
  const ackMs: number[] = [];
  for (let round = 1; round <= ROUNDS; round++) {
    const figures = await crashRound(
      round,
      target,
      program,
      batches,
      random,
      violations,
      ackMs,
      log,
    );
    rounds.push(figures);
    if (figures.totalAtStart % BATCH !== 0) {
      violations.push(`after restart ${round - 1}: ${figures.totalAtStart} actions stored`);
    }
    console.log(
      `  ${engine} round ${round}: ready in ${fmt(figures.readyMs)} ms holding ${fmt(figures.totalAtStart)} actions; ` +
        `SIGKILL after ${fmt(figures.killAtMs)} ms with ${figures.inFlightAtKill} batches in flight, ${figures.acked} acknowledged`,
    );
  }
  // The crash's aftermath: the server must open the database again, then hand it over.
  const restarted = await startServer({
    port: PORT,
    database: target,
    log,
    authorization: program.authorization,
  });
  const finalTotal = await apiTotal(restarted.server, program);
  if (finalTotal % BATCH !== 0)
    violations.push(`after the last crash: ${finalTotal} actions stored`);
  await restarted.server.stop();

  const checked = await verifyStored(target, program, batches);
  violations.push(...checked.violations);
  const unanswered = batches.filter((b) => b.state === "unanswered");
  const again = await startServer({
    port: PORT,
    database: target,
    log,
    authorization: program.authorization,
  });
  violations.push(
    ...(await resendUnanswered(again.server, program, unanswered, checked.storedBatches)),
  );
  await again.server.stop();
  return {
    engine,
    rounds,
    finalReadyMs: restarted.readyMs,
    batches: batches.length,
    acked: batches.filter((b) => b.state === "acked").length,
    unanswered: unanswered.length,
    unansweredStored: unanswered.filter((b) => checked.storedBatches.has(b.id)).length,
    storedActions: checked.storedActions,
    rewards: checked.rewards,
    ackMs,
    violations,
  };
}

const machineAtStart = describeMachine();
console.log(`check:crash — seed ${SEED}; ${machineAtStart}`);
const random = createRandom(SEED);
const results: EngineFigures[] = [];
for (const engine of ENGINES as ("postgres" | "pglite")[]) {
  console.log(`${engine}: ${ROUNDS} rounds of ${CLIENTS} clients sending batches of ${BATCH} …`);
  results.push(await checkEngine(engine, random));
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[values.length >> 1];
console.log(`
## check:crash — ${ROUNDS} SIGKILLs per database, batches of ${fmt(BATCH)} from ${CLIENTS} clients

Seed ${SEED}. Machine at start: ${machineAtStart}. At the end: ${describeMachine()}.

| database | batches sent | acknowledged | unanswered at the kill: stored whole / not at all | partial batches | acknowledged but missing | actions stored | rewards | batch answered in (median) | restart to first 200 (median, max) | violations |
| --- | ---: | ---: | --- | ---: | ---: | ---: | ---: | ---: | --- | ---: |
${results
  .map((r) => {
    const partial = r.violations.filter((v) => / of \d+ stored$/.test(v)).length;
    const missing = r.violations.filter((v) => v.includes("was acknowledged")).length;
    const ready = [...r.rounds.slice(1).map((x) => x.readyMs), r.finalReadyMs];
    return `| ${r.engine} | ${fmt(r.batches)} | ${fmt(r.acked)} | ${r.unanswered}: ${r.unansweredStored} / ${r.unanswered - r.unansweredStored} | ${partial} | ${missing} | ${fmt(r.storedActions)} | ${fmt(r.rewards)} | ${fmt(median(r.ackMs))} ms | ${fmt(median(ready))} ms, ${fmt(Math.max(...ready))} ms | ${r.violations.length} |`;
  })
  .join("\n")}
`);
const all = results.flatMap((r) => r.violations.map((v) => `${r.engine}: ${v}`));
if (all.length > 0) {
  console.log(`FAILED: ${all.length} violations. First ${Math.min(MAX_LISTED, all.length)}:`);
  for (const v of all.slice(0, MAX_LISTED)) console.log(`  ${v}`);
  process.exit(1);
}
console.log(
  "OK: every acknowledged batch stored, no batch split, rewards exact, resent batches replayed or recorded whole.",
);
