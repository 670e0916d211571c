import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { openDatabase, type OpenDatabase } from "../db/open";
import { deliveryContext, scheduleOf, seedDeliveryProgram } from "../testing/delivery-fixture";
import { createMember } from "../testing/factories";
import { startSmtpSink, type SmtpSink } from "../testing/smtp-sink";
import { createTestDatabase, type TestDatabase } from "../testing/test-database";
import { requestDelivery } from "./request-delivery";
import { runDeliveries } from "./run-deliveries";

const postgres = inject("engines").includes("postgres");

// Two app processes are two connection pools on one PostgreSQL database (PGlite has one opener).
describe.runIf(postgres)("two schedulers on one PostgreSQL", () => {
  let db: TestDatabase;
  let second: OpenDatabase;
  let sink: SmtpSink;
  beforeAll(async () => {
    db = await createTestDatabase("postgres");
    second = await openDatabase({ engine: "postgres", url: db.url! });
    sink = await startSmtpSink();
  });
  afterAll(async () => {
    await second.close();
    await Promise.all([db.close(), sink.close()]);
  });

  it("send each due delivery exactly once", async () => {
    const world = await seedDeliveryProgram(db);
    const created = Date.parse("2026-03-10T00:00:00Z");
    const recipients: string[] = [];
    for (let i = 0; i < 8; i++) {
      const member = await createMember(db.prisma, world.program.id, "viewer");
      recipients.push(member.email);
      await scheduleOf(
        db,
        world,
        {
          frequency: "daily",
          time: 9 * 60,
          file: i % 2 ? "occurrences.csv" : "chart.csv",
          recipients: [member.email],
        },
        created,
      );
    }
    // Both processes pass over the same due times, concurrently, several times.
    const a = deliveryContext(db, sink);
    const b = deliveryContext(second, sink);
    const due = Date.parse("2026-03-10T13:00:00Z");
    for (const offset of [1, 2, 3]) {
      const now = () => new Date(due + offset * 1000);
      await Promise.all([
        runDeliveries(a, now, 3),
        runDeliveries(b, now, 3),
        runDeliveries(a, now, 3),
        runDeliveries(b, now, 3),
      ]);
    }
    const counts = new Map<string, number>();
    for (const mail of sink.messages) {
      const to = mail.to && "text" in mail.to ? mail.to.text : "";
      counts.set(to, (counts.get(to) ?? 0) + 1);
    }
    expect(Object.fromEntries(counts)).toEqual(Object.fromEntries(recipients.map((r) => [r, 1])));
    let rows = await db.prisma.delivery.findMany({ where: { programId: world.program.id } });
    expect(rows).toHaveLength(8);
    expect(rows.every((r) => r.status === "sent" && r.attempts === 1)).toBe(true);

    // "Send now" of every schedule, each asked in one process: claimed the same way, sent once.
    const schedules = await db.prisma.deliverySchedule.findMany({
      where: { programId: world.program.id },
    });
    const asked = new Date(due + 10_000);
    for (const [i, s] of schedules.entries()) {
      await requestDelivery(
        (i % 2 ? second : db).prisma,
        world.program.id,
        s.id,
        world.owner,
        asked,
      );
    }
    const later = () => new Date(due + 11_000);
    await Promise.all([
      runDeliveries(a, later, 5),
      runDeliveries(b, later, 5),
      runDeliveries(b, later, 5),
    ]);
    await Promise.all([runDeliveries(a, later), runDeliveries(b, later)]);
    expect(sink.messages).toHaveLength(16);
    expect(
      new Set(sink.messages.slice(8).map((m) => (m.to && "text" in m.to ? m.to.text : ""))),
    ).toEqual(new Set(recipients));
    rows = await db.prisma.delivery.findMany({
      where: { programId: world.program.id, manual: true },
    });
    expect(rows.map((r) => [r.status, r.attempts])).toEqual(Array(8).fill(["sent", 1]));
  });
});
