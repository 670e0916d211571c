import type { lookup } from "node:dns";
import {
  afterAll,
  afterEach,
  beforeAll,
  beforeEach,
  describe,
  expect,
  inject,
  it,
  vi,
} from "vitest";
import { deliveryContext, scheduleOf, seedDeliveryProgram } from "../testing/delivery-fixture";
import { startSmtpSink, type SmtpSink } from "../testing/smtp-sink";
import { postgresTabSources } from "../testing/test-analytics";
import { createTestDatabase, type TestDatabase } from "../testing/test-database";
import { claimDelivery } from "./claim-delivery";
import { holdDelivery } from "./hold-delivery";
import { requestDelivery } from "./request-delivery";
import { runDeliveries } from "./run-deliveries";
import { sendDelivery } from "./send-delivery";
import { publicOnlyLookup } from "../security/public-only-lookup";
import { postWebhook } from "./send-webhook";

const DUE = Date.parse("2026-03-10T13:00:00Z"); // 09:00 in New York
const at = (seconds: number) => () => new Date(DUE + seconds * 1000);
const to = (m: SmtpSink["messages"][number]) => (m.to && "text" in m.to ? m.to.text : "");

describe.each(inject("engines"))("deliveries when things go wrong, on %s", (engine) => {
  let db: TestDatabase;
  let sink: SmtpSink;
  beforeAll(async () => {
    // Webhook schedules keep their signing secret sealed.
    vi.stubEnv("ACTIONBOARD_ENCRYPTION_KEY", "deliveries-test-encryption-key");
    sink = await startSmtpSink();
  });
  beforeEach(async () => {
    db = await createTestDatabase(engine);
  });
  afterEach(() => db.close());
  afterAll(() => {
    vi.unstubAllEnvs();
    return sink.close();
  });

  async function dueDelivery(
    recipients?: (w: Awaited<ReturnType<typeof seedDeliveryProgram>>) => string[],
  ) {
    const world = await seedDeliveryProgram(db);
    await scheduleOf(
      db,
      world,
      { frequency: "daily", time: 9 * 60, recipients: recipients?.(world) ?? [world.owner.email] },
      DUE - 86_400_000,
    );
    return world;
  }
  const rows = (programId: number) =>
    db.prisma.delivery.findMany({ where: { programId }, orderBy: { id: "asc" } });

  // A saved view of the calendar's last day once made every due time loop forever (issue 23).
  it("sends a saved view whose timeframe ends on the calendar's last day", async () => {
    const world = await seedDeliveryProgram(db);
    await db.prisma.savedView.update({
      where: { programId_id: { programId: world.program.id, id: world.view.id } },
      data: { query: "timeframe=range_9999-12-01_9999-12-31&timescale=week" },
    });
    await scheduleOf(
      db,
      world,
      { frequency: "daily", time: 9 * 60, file: "tab.pdf" },
      DUE - 86_400_000,
    );
    const before = sink.messages.length;
    expect(await runDeliveries(deliveryContext(db, sink), at(0))).toMatchObject({ sent: 1 });
    expect(sink.messages.length).toBe(before + 1);
  });

  it("takes over a delivery whose process died, skipping the recipients it had reached", async () => {
    const world = await dueDelivery((w) => [w.owner.email, w.viewer.email]);
    const ctx = deliveryContext(db, sink, { leaseMs: 10_000 });
    await runDeliveries({ ...ctx, mailer: null, retryDelaysMs: [] }, at(0), 0); // queue only
    // Process A claims it, reaches the owner, and dies before recording the end.
    const a = (await claimDelivery(db.prisma, at(1)(), 10_000))!;
    expect(await holdDelivery(db.prisma, a, at(12)(), world.owner.email)).toBe(true);
    const before = sink.messages.length;
    // Within A's lease (renewed to 12 s) nobody else takes it; after it, another process does.
    expect(await runDeliveries(ctx, at(11))).toMatchObject({ sent: 0 });
    expect(await runDeliveries(ctx, at(13))).toMatchObject({ sent: 1 });
    expect(sink.messages.slice(before).map(to)).toEqual([world.viewer.email]);
    const [row] = await rows(world.program.id);
    expect(row).toMatchObject({ status: "sent", attempts: 2 });
    expect([...row.recipients].sort()).toEqual([world.owner.email, world.viewer.email].sort());
    // A, were it alive, could no longer record anything.
    expect(await holdDelivery(db.prisma, a, at(30)(), world.viewer.email)).toBe(false);
  });

  it("stops a process that outlived its lease before it sends, and fails a delivery that keeps killing its process", async () => {
    const world = await dueDelivery();
    const ctx = deliveryContext(db, sink, { leaseMs: 10_000, retryDelaysMs: [60_000] });
    await runDeliveries({ ...ctx, mailer: null }, at(0), 0);
    const slow = (await claimDelivery(db.prisma, at(1)(), 10_000))!;
    const fast = (await claimDelivery(db.prisma, at(12)(), 10_000))!;
    expect(fast.attempts).toBe(2);
    const before = sink.messages.length;
    const outcome = await sendDelivery(ctx, slow, at(13)());
    expect(outcome).toMatchObject({
      ok: false,
      error: expect.stringMatching(/took this delivery over/),
    });
    expect(sink.messages.length).toBe(before);
    // The second claimant dies too: two attempts is all one retry allows, so it is failed.
    expect(await runDeliveries(ctx, at(30))).toMatchObject({ failed: 1, sent: 0 });
    const [row] = await rows(world.program.id);
    expect(row).toMatchObject({ status: "failed", attempts: 2 });
    expect(row.error).toMatch(/app stopped while sending this delivery, 2 times/);
  });

  it("turns a schedule deleted mid-send into a failed attempt, not an exception", async () => {
    const world = await dueDelivery();
    const ctx = deliveryContext(db, sink);
    await runDeliveries({ ...ctx, mailer: null }, at(0), 0);
    const claimed = (await claimDelivery(db.prisma, at(1)()))!;
    await db.prisma.deliverySchedule.deleteMany({ where: { programId: world.program.id } });
    await expect(sendDelivery(ctx, claimed, at(2)())).resolves.toMatchObject({ ok: false });
  });

  it("sends a repeated Send now once, and never in a scheduled run's place", async () => {
    const world = await dueDelivery();
    const [schedule] = await db.prisma.deliverySchedule.findMany({
      where: { programId: world.program.id },
    });
    // Asked exactly at the scheduled due time, then again before it has gone.
    const due = new Date(schedule.nextRunAt);
    expect(await requestDelivery(db.prisma, world.program.id, schedule.id, world.owner, due)).toBe(
      "queued",
    );
    expect(await requestDelivery(db.prisma, world.program.id, schedule.id, world.owner, due)).toBe(
      "busy",
    );
    expect(await requestDelivery(db.prisma, world.program.id, 999_999, world.owner, due)).toBe(
      "missing",
    );
    const before = sink.messages.length;
    await runDeliveries(deliveryContext(db, sink), () => new Date(due.getTime() + 1000));
    const sent = await rows(world.program.id);
    expect(sent.map((r) => [r.manual, r.status])).toEqual([
      [true, "sent"],
      [false, "sent"],
    ]);
    expect(sink.messages.length - before).toBe(2);
    const later = new Date(due.getTime() + 5000);
    expect(
      await requestDelivery(db.prisma, world.program.id, schedule.id, world.owner, later),
    ).toBe("queued");
  });

  it("keeps the export's own reason in the log when the file cannot be built", async () => {
    const world = await seedDeliveryProgram(db);
    const refused = await scheduleOf(db, world, { frequency: "daily" }, DUE - 86_400_000);
    const failing = await scheduleOf(
      db,
      world,
      { frequency: "daily", file: "occurrences.csv" },
      DUE - 86_400_000,
    );
    // A file the export does not know (a schedule stored before a file was withdrawn)…
    await db.prisma.deliverySchedule.update({
      where: { programId_id: { programId: world.program.id, id: refused.id } },
      data: { file: "secrets.csv" },
    });
    // …and an engine whose queries fail while the file is built.
    const sources = postgresTabSources(db);
    const engine = {
      ...sources.analytics.engine,
      summaryNumbers: () => Promise.reject(new Error("the analytics engine went away")),
    };
    const ctx = deliveryContext(db, sink, {
      sources: async () => ({ db, analytics: { ...sources.analytics, engine } }),
    });
    await runDeliveries(ctx, at(1));
    const byFile = new Map((await rows(world.program.id)).map((r) => [r.scheduleId, r]));
    expect(byFile.get(refused.id)).toMatchObject({
      status: "retrying",
      attempts: 1,
      error:
        "Building secrets.csv failed: There is no download called “secrets.csv”. Use the ⋮ menu of a tile or of the tab.",
    });
    expect(byFile.get(failing.id)).toMatchObject({
      status: "retrying",
      attempts: 1,
      error: "Building occurrences.csv failed: the analytics engine went away",
    });
    expect(sink.messages.filter((m) => to(m) === world.owner.email)).toEqual([]);
  });

  it("stops a webhook whose creator is no longer an owner or manager", async () => {
    const world = await seedDeliveryProgram(db);
    await scheduleOf(
      db,
      world,
      {
        channel: "webhook",
        recipients: [],
        webhookUrl: "https://hooks.example/x",
        frequency: "daily",
      },
      DUE - 86_400_000,
    );
    await db.prisma.membership.update({
      where: { programId_userId: { programId: world.program.id, userId: world.owner.id } },
      data: { role: "viewer" },
    });
    await runDeliveries(deliveryContext(db, null), at(1));
    const [row] = await rows(world.program.id);
    expect(row).toMatchObject({ status: "failed", attempts: 1 });
    expect(row.error).toMatch(/creator is no longer an owner or manager/);
  });
});

describe("webhooks stay on the internet", () => {
  const post = (url: string) =>
    postWebhook(url, `whsec_${Buffer.alloc(32).toString("base64")}`, "msg_1", {}, Date.now());

  it("refuses private and loopback hosts written as addresses or localhost", async () => {
    for (const url of [
      "https://127.0.0.1/x",
      "https://10.1.2.3/x",
      "https://169.254.169.254/latest/meta-data",
      "https://[::1]/x",
      "https://[::ffff:192.168.0.1]/x",
      "https://localhost:8443/x",
    ]) {
      await expect(post(url), url).rejects.toThrow(/private address/);
    }
  });

  it("refuses a name that resolves to a private address, on the addresses it connects to", async () => {
    // A resolver standing in for DNS (a rebinding name): what it answers decides.
    const answering = (address: string, family: number) =>
      ((_host: string, _options: unknown, callback: (e: null, a: unknown) => void) =>
        callback(null, [{ address, family }])) as unknown as typeof lookup;
    const check = (address: string, family: number) =>
      new Promise<string>((resolve) =>
        publicOnlyLookup(answering(address, family))("hooks.example", {}, (error, result) =>
          resolve(error ? error.message : String(result)),
        ),
      );
    expect(await check("10.0.0.5", 4)).toMatch(/resolves to a private address \(10\.0\.0\.5\)/);
    expect(await check("fd00::1", 6)).toMatch(/private address/);
    expect(await check("93.184.215.14", 4)).toBe("93.184.215.14");
  });
});
