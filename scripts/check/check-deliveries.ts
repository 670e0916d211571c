// npm run check:deliveries — the delivery scheduler in real app processes (issue 13). On a fresh
// local PostgreSQL database with one program and CHECK_DELIVERIES schedules (one recipient
// each), two `next start` servers (the build must exist; run under the build lock) send to an
// SMTP sink in this process that takes CHECK_SMTP_DELAY_MS to accept each message:
//   1. together: every schedule falls due at once; each delivery must arrive exactly once;
//   2. crash: every schedule falls due again; server A is SIGKILLed mid-run and restarted; each
//      delivery must arrive at least once, and a second copy only for what A had sent but not
//      recorded when it died (taken over after the lease, DELIVERY_LEASE_SECONDS=10);
//   3. down: both servers stop, every schedule falls due while they are down, one server starts:
//      each delivery must arrive exactly once, and the second server adds nothing;
//   4. alerts: CHECK_DELIVERIES alerts (one recipient each, on a view that counts nothing, "below
//      1": each fires at its first check) fall due at once while both servers check; A is
//      SIGKILLed mid-run and restarted: each alert must be told once (one message row per alert)
//      and arrive at least once, a second copy only for the one A was sending when it died.
//   npm run check:deliveries -- --deliveries 40
// Options: --deliveries CHECK_DELIVERIES (40), --smtp-delay-ms CHECK_SMTP_DELAY_MS (150),
// --port CHECK_PORT (3230; +1 for the second server, +2 for the sink). Database:
// ab_check_deliveries on the server of TEST_DATABASE_URL (local hosts only), kept for inspection.
import type { SmtpSink } from "../../lib/testing/smtp-sink";
import { readOptions } from "./options";
import type { CheckServer } from "./server";

const options = readOptions({
  command: "npm run check:deliveries",
  summary:
    "The delivery scheduler in two real app processes: together, after a crash, and after downtime, each delivery arrives as it should (the build must exist).",
  flags: {
    deliveries: "Schedules, CHECK_DELIVERIES (40).",
    "smtp-delay-ms": "How long the SMTP sink takes per message, CHECK_SMTP_DELAY_MS (150).",
    port: "The first server's port, CHECK_PORT (3230).",
  },
});
const COUNT = options.whole("deliveries", "CHECK_DELIVERIES", 40, 1, 1000);
const DELAY = options.whole("smtp-delay-ms", "CHECK_SMTP_DELAY_MS", 150, 0, 10_000);
const PORT = options.whole("port", "CHECK_PORT", 3230, 1024, 65000);
// The work's modules load after the command line is read: `--help` answers without them.
const { openDatabase } = await import("../../lib/db/open");
const { startSmtpSink } = await import("../../lib/testing/smtp-sink");
const { createUser, addMember } = await import("../../lib/testing/factories");
const { freshDatabase, seedCheckProgram } = await import("./fixture");
const { describeMachine } = await import("./machine");
const { startServer } = await import("./server");

const database = await freshDatabase({ engine: "postgres", name: "ab_check_deliveries" });
const program = await seedCheckProgram(database);
const db = await openDatabase(database);
const { prisma } = db;
const sink: SmtpSink = await startSmtpSink(PORT + 2, DELAY);

const viewer = await prisma.user.findUniqueOrThrow({ where: { email: program.viewer.email } });
const view = await prisma.savedView.create({
  data: {
    programId: program.programId,
    userId: viewer.id,
    name: "Check",
    query: "timeframe=any_time",
  },
});
const recipients: string[] = [];
for (let i = 0; i < COUNT; i++) {
  const user = await createUser(prisma, { email: `recipient-${i}@check.test` });
  await addMember(prisma, program.programId, user.id, "viewer");
  recipients.push(user.email);
  await prisma.deliverySchedule.create({
    data: {
      programId: program.programId,
      savedViewId: view.id,
      createdBy: user.id,
      frequency: "daily",
      timeOfDay: 0,
      file: "occurrences.csv",
      channel: "email",
      recipients: [user.email],
      nextRunAt: new Date("2100-01-01T00:00:00Z"),
    },
  });
}

const env = {
  SMTP_URL: `smtp://127.0.0.1:${PORT + 2}`,
  DELIVERY_SCHEDULER: "on",
  DELIVERY_POLL_SECONDS: "1",
  DELIVERY_LEASE_SECONDS: "10",
  DELIVERY_RETRY_SECONDS: "2,2,2",
};
const start = (n: 0 | 1) =>
  startServer({
    port: PORT + n,
    database,
    log: `.data/check/deliveries-${n ? "b" : "a"}.log`,
    authorization: program.authorization,
    env,
  });

/** Every schedule falls due at `at`; resolves with the delivery rows once all are sent. */
async function dueAndSent(at: Date, label: string, during?: () => Promise<void>) {
  const before = await prisma.delivery.count({ where: { programId: program.programId } });
  await prisma.deliverySchedule.updateMany({
    where: { programId: program.programId },
    data: { nextRunAt: at },
  });
  const work = during?.();
  const deadline = Date.now() + 180_000;
  for (;;) {
    const sent = await prisma.delivery.count({
      where: { programId: program.programId, status: "sent" },
    });
    if (sent === before + COUNT) break;
    if (Date.now() > deadline)
      throw new Error(`${label}: ${sent - before} of ${COUNT} sent after 180 s`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  await work;
  const rows = await prisma.delivery.findMany({
    where: { programId: program.programId, dueAt: at },
  });
  const latency = rows.map((r) => r.sentAt!.getTime() - at.getTime()).sort((a, b) => a - b);
  return { rows, latency };
}

function mailCounts(from: number) {
  const counts = new Map(recipients.map((r) => [r, 0]));
  for (const m of sink.messages.slice(from)) {
    const to = m.to && "text" in m.to ? m.to.text : "";
    counts.set(to, (counts.get(to) ?? 0) + 1);
  }
  return [...counts.values()];
}

const results: string[] = [];
const record = (line: string) => {
  results.push(line);
  console.log(line);
};
const ms = (l: number[]) => `median ${l[Math.floor(l.length / 2)]} ms, max ${l.at(-1)} ms`;

let a: CheckServer | undefined;
let b: CheckServer | undefined;
try {
  a = (await start(0)).server;
  b = (await start(1)).server;

  // 1. Two processes, everything due at once.
  let mark = sink.messages.length;
  const together = await dueAndSent(new Date(Date.now() + 3000), "together");
  const once = mailCounts(mark);
  record(
    `together: ${COUNT} due, ${once.filter((c) => c === 1).length} received once, ` +
      `${once.filter((c) => c !== 1).length} not once; attempts ${Math.max(...together.rows.map((r) => r.attempts))} at most; due → sent ${ms(together.latency)}`,
  );
  if (once.some((c) => c !== 1))
    throw new Error("together: a delivery did not arrive exactly once");

  // 2. A dies while both send; it comes back.
  mark = sink.messages.length;
  let killedAt = 0;
  const crash = await dueAndSent(new Date(Date.now() + 3000), "crash", async () => {
    const wait = 3000 + 500 + Math.floor(Math.random() * ((COUNT * DELAY) / 2));
    await new Promise((resolve) => setTimeout(resolve, wait));
    killedAt = sink.messages.length - mark;
    await a!.kill();
    a = (await start(0)).server;
  });
  const crashCounts = mailCounts(mark);
  const missing = crashCounts.filter((c) => c === 0).length;
  const twice = crashCounts.filter((c) => c > 1).length;
  record(
    `crash: SIGKILL of A after ${killedAt} of ${COUNT} mails; ${crashCounts.filter((c) => c === 1).length} received once, ${twice} twice (sent by A, not recorded before it died), ${missing} missing; due → sent ${ms(crash.latency)}`,
  );
  if (missing > 0) throw new Error("crash: a delivery was lost");
  if (twice > 1) throw new Error("crash: more than the one in-flight delivery was sent twice");

  // 3. Both down over the due time; one comes back, then the other.
  await a.stop();
  await b.stop();
  a = b = undefined;
  mark = sink.messages.length;
  let restartAt = 0;
  const down = await dueAndSent(new Date(Date.now() - 60_000), "down", async () => {
    restartAt = Date.now();
    a = (await start(0)).server;
  });
  b = (await start(1)).server;
  await new Promise((resolve) => setTimeout(resolve, 5000));
  const downCounts = mailCounts(mark);
  record(
    `down: ${COUNT} fell due while no server ran; after restarts ${downCounts.filter((c) => c === 1).length} received once, ${downCounts.filter((c) => c !== 1).length} not once; server start → sent ${ms(down.rows.map((r) => r.sentAt!.getTime() - restartAt).sort((x, y) => x - y))}`,
  );
  if (downCounts.some((c) => c !== 1))
    throw new Error("down: a delivery did not arrive exactly once");
  // 4. Alerts checked by both, A killed mid-run.
  const nobody = await prisma.savedView.create({
    data: {
      programId: program.programId,
      userId: viewer.id,
      name: "Nobody",
      query: "name=zz-no-such-partner",
    },
  });
  for (const [i, to] of recipients.entries()) {
    const user = await prisma.user.findUniqueOrThrow({ where: { email: to } });
    await prisma.alert.create({
      data: {
        programId: program.programId,
        savedViewId: nobody.id,
        createdBy: user.id,
        metric: "occurrences",
        per: "view",
        condition: "below",
        threshold: 1,
        frequency: i % 2 ? "hourly" : "daily",
        channel: "email",
        recipients: [to],
        nextCheckAt: new Date(Date.now() + 3000),
      },
    });
  }
  mark = sink.messages.length;
  const alertWork = (async () => {
    const wait = 3000 + 500 + Math.floor(Math.random() * ((COUNT * DELAY) / 2));
    await new Promise((resolve) => setTimeout(resolve, wait));
    const killedAfter = sink.messages.length - mark;
    await a!.kill();
    a = (await start(0)).server;
    return killedAfter;
  })();
  const alertDeadline = Date.now() + 180_000;
  for (;;) {
    const sent = await prisma.delivery.count({
      where: { programId: program.programId, alertId: { not: null }, status: "sent" },
    });
    if (sent >= COUNT) break;
    if (Date.now() > alertDeadline) throw new Error(`alerts: ${sent} of ${COUNT} sent after 180 s`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  const alertKilledAfter = await alertWork;
  await new Promise((resolve) => setTimeout(resolve, 3000));
  const told = await prisma.delivery.groupBy({
    by: ["alertId"],
    where: { programId: program.programId, alertId: { not: null } },
    _count: true,
  });
  const alertCounts = mailCounts(mark);
  const alertMissing = alertCounts.filter((c) => c === 0).length;
  const alertTwice = alertCounts.filter((c) => c > 1).length;
  record(
    `alerts: ${COUNT} due, SIGKILL of A after ${alertKilledAfter} mails; ${told.length} alerts told, ${told.filter((t) => t._count !== 1).length} told more than once; ${alertCounts.filter((c) => c === 1).length} received once, ${alertTwice} twice, ${alertMissing} missing`,
  );
  if (told.length !== COUNT || told.some((t) => t._count !== 1))
    throw new Error("alerts: an alert was not told exactly once");
  if (alertMissing > 0) throw new Error("alerts: a message was lost");
  if (alertTwice > 1) throw new Error("alerts: more than the one in-flight message was sent twice");
  record(`passed on ${describeMachine()}`);
} finally {
  await a?.stop();
  await b?.stop();
  await sink.close();
  await db.close();
}
