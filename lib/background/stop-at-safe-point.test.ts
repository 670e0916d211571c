// What each background worker leaves when the process stops (its signal aborts): the delivery
// being sent is finished and recorded and no other is claimed; a PartnerStack import pauses after
// the page it is storing with its lease released, and the next run resumes there to the same
// result; the outbox drainer commits its batch and leaves the rest to the next drainer.
import type { Transporter } from "nodemailer";
import nodemailer from "nodemailer";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { chsql, chTable } from "../analytics/ch-sql";
import { startOutboxWorker } from "../analytics/outbox-worker";
import { runDeliveries } from "../deliveries/run-deliveries";
import type { partnerStackClient } from "../partnerstack/partnerstack-client";
import { ImportPausedError, runImport, startOrResumeImport } from "../partnerstack/run-import";
import { seedApiProgram } from "../testing/api-fixture";
import { deliveryContext, scheduleOf, seedDeliveryProgram } from "../testing/delivery-fixture";
import { createMember, createProgram } from "../testing/factories";
import { startSmtpSink, type SmtpSink } from "../testing/smtp-sink";
import { databaseWithCopy } from "../testing/database-with-copy";
import { createTestDatabase, type TestDatabase } from "../testing/test-database";

const DUE = Date.parse("2026-03-10T13:00:00Z"); // 09:00 in New York

describe.each(inject("engines"))("stopping background work on %s", (engine) => {
  let db: TestDatabase;
  let sink: SmtpSink;
  beforeAll(async () => {
    db = await createTestDatabase(engine);
    sink = await startSmtpSink();
  });
  afterAll(async () => {
    await Promise.all([db.close(), sink.close()]);
  });

  it("finishes the delivery being sent and claims no other", async () => {
    const world = await seedDeliveryProgram(db);
    for (let i = 0; i < 3; i++) {
      const member = await createMember(db.prisma, world.program.id, "viewer");
      await scheduleOf(
        db,
        world,
        { frequency: "daily", time: 9 * 60, recipients: [member.email] },
        DUE - 86_400_000,
      );
    }
    // The stop arrives while the first delivery's email is on its way.
    const stop = new AbortController();
    const smtp = nodemailer.createTransport(sink.url);
    const mailer = {
      sendMail: (message: Parameters<Transporter["sendMail"]>[0]) => {
        stop.abort();
        return smtp.sendMail(message);
      },
    } as unknown as Transporter;
    const before = sink.messages.length;
    const ctx = deliveryContext(db, sink, { mailer });
    const summary = await runDeliveries(ctx, () => new Date(DUE + 1000), 20, stop.signal);
    expect(summary).toMatchObject({ queued: 3, sent: 1, retrying: 0, failed: 0 });
    expect(sink.messages.length).toBe(before + 1);
    const rows = await db.prisma.delivery.findMany({ where: { programId: world.program.id } });
    expect(rows.map((r) => r.status).sort()).toEqual(["pending", "pending", "sent"]);
    // Nothing is left claimed: the next process takes the rest at once.
    expect(rows.filter((r) => r.lockedUntil !== null)).toEqual([]);
    const next = await runDeliveries(deliveryContext(db, sink), () => new Date(DUE + 2000));
    expect(next).toMatchObject({ sent: 2 });
    expect(sink.messages.length).toBe(before + 3);
  });

  it("pauses an import after the page it is storing, and the next run resumes it exactly", async () => {
    const program = await createProgram(db.prisma);
    const groups = Array.from({ length: 7 }, (_, i) => ({
      key: `grp_${i}`,
      name: `Group ${i}`,
      slug: `group-${i}`,
    }));
    const pages: string[][] = [];
    // A source serving its groups three to a page, and nothing else.
    const source = (stopAfterPage?: { at: number; stop: AbortController }) =>
      ({
        async listAll(
          path: string,
          _item: unknown,
          options: {
            after?: string;
            onPage: (items: typeof groups, cursor: string | undefined) => Promise<void>;
          },
        ) {
          if (path !== "groups") return;
          let start = options.after ? groups.findIndex((g) => g.key === options.after) + 1 : 0;
          while (start < groups.length) {
            const items = groups.slice(start, start + 3);
            pages.push(items.map((g) => g.key));
            if (stopAfterPage && pages.length === stopAfterPage.at) stopAfterPage.stop.abort();
            await options.onPage(items, items.at(-1)!.key);
            start += 3;
          }
        },
      }) as unknown as ReturnType<typeof partnerStackClient>;
    const { importId } = await startOrResumeImport(db.prisma, program.id, {
      baseUrl: "https://api.partnerstack.test",
      rerunRules: false,
      actor: { system: "test" },
    });

    const stop = new AbortController();
    await expect(
      runImport(db.prisma, program.id, importId, source({ at: 2, stop }), { signal: stop.signal }),
    ).rejects.toBeInstanceOf(ImportPausedError);
    const paused = await db.prisma.partnerStackImport.findUniqueOrThrow({
      where: { programId_id: { programId: program.id, id: importId } },
      include: { steps: { where: { resource: "groups" } } },
    });
    // Still to run, free for any process, with its checkpoint after the second page.
    expect(paused).toMatchObject({ status: "running", lockedUntil: null, error: null });
    expect(paused.steps[0]).toMatchObject({ cursor: "grp_5", fetched: 6, stored: 6, done: false });
    expect(await db.prisma.group.count({ where: { programId: program.id } })).toBe(6);

    await runImport(db.prisma, program.id, importId, source());
    expect(pages.map((p) => p.join())).toEqual(["grp_0,grp_1,grp_2", "grp_3,grp_4,grp_5", "grp_6"]);
    const done = await db.prisma.partnerStackImport.findUniqueOrThrow({
      where: { programId_id: { programId: program.id, id: importId } },
      include: { steps: { where: { resource: "groups" } } },
    });
    expect(done.status).toBe("done");
    expect(done.steps[0]).toMatchObject({ fetched: 7, stored: 7, done: true });
    const stored = await db.prisma.group.findMany({
      where: { programId: program.id },
      orderBy: { key: "asc" },
    });
    expect(stored.map((g) => g.key)).toEqual(groups.map((g) => g.key));
  });
});

describe("stopping the analytics outbox drainer", () => {
  const copy = databaseWithCopy();

  it("lets its batch commit, leaves the rest unlocked, and the next drainer copies it all", async () => {
    for (let i = 0; i < 4; i++) await seedApiProgram(copy.db.prisma);
    const waiting = await copy.db.prisma.analyticsOutbox.count();
    expect(waiting).toBeGreaterThan(0);
    const worker = startOutboxWorker(copy.db.prisma, copy.analytics.ch!);
    // The worker's first run (its timer, set first) is under way when this one fires.
    await new Promise((resolve) => setTimeout(resolve, 1));
    await worker.stop();
    // Stopped after its first batch (one program's): that batch committed, the rest waits.
    const left = await copy.db.prisma.analyticsOutbox.count();
    expect(left).toBeLessThan(waiting);
    expect(left).toBeGreaterThan(0);
    // Nothing drains any more, and what is left is free for another drainer.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await copy.db.prisma.analyticsOutbox.count()).toBe(left);
    await copy.analytics.sync();
    expect(await copy.db.prisma.analyticsOutbox.count()).toBe(0);
    const partnerships = await copy.db.prisma.partnership.count();
    const [copied] = await copy.analytics.ch!.query<{ n: string }>(
      chsql`SELECT count() AS n FROM ${chTable("partnerships")} FINAL`,
    );
    expect(Number(copied.n)).toBe(partnerships);
  });
});
