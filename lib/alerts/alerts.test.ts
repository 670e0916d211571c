// Alerts on a fake clock: weeks of generated daily actions with a spike planted in one partner
// (of one group); daily checks from the fifth week. The alert away from its usual level fires
// once, names that partner and group first, says when it recovered; a snoozed one stays silent;
// a per-partner alert names that partner alone; PostgreSQL and the ClickHouse copy say the same.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { seedApiProgram } from "../testing/api-fixture";
import { databaseWithCopy } from "../testing/database-with-copy";
import { createMember } from "../testing/factories";
import { startSmtpSink, type SmtpSink } from "../testing/smtp-sink";
import { deliveryContext } from "../testing/delivery-fixture";
import { postgresTabEngine } from "../stats/engines";
import { runDeliveries } from "../deliveries/run-deliveries";
import { readUnsubscribeLink } from "../deliveries/delivery-links";
import { removeRecipient } from "../deliveries/subscription";
import { alertMessage } from "./alert-message";
import { changeAlert } from "./change-alert";
import { checkAlert } from "./check-alert";
import { checkDueAlerts } from "./check-due-alerts";
import { claimAlert } from "./claim-alert";
import { createAlert } from "./create-alert";
import type { AlertInput } from "./alert-input";
import { startOfDate } from "../time/zone";

const TZ = "America/New_York";
// Local midnight of 2026-01-(d) in New York: day d's actions fall in [midnight(d), midnight(d+1)).
const midnight = (d: number) => startOfDate({ year: 2026, month: 1, day: d }, TZ);
const FIRST_DAY = 1;
const LAST_DAY = 42;
const SPIKE_DAYS = [36, 37];

/** Independent count: the seeded rows of local day `d` (of one partnership, if given). */
const count = (
  rows: { occurredAt: Date; partnershipId: number }[],
  d: number,
  partnershipId?: number,
) =>
  rows.filter(
    (r) =>
      (partnershipId === undefined || r.partnershipId === partnershipId) &&
      r.occurredAt.getTime() >= midnight(d) &&
      r.occurredAt.getTime() < midnight(d + 1),
  ).length;

describe("alerts on a fake clock", () => {
  const opened = databaseWithCopy();
  let sink: SmtpSink;
  beforeAll(async () => {
    sink = await startSmtpSink();
  });
  afterAll(() => sink.close());

  async function world() {
    const { db } = opened;
    const f = await seedApiProgram(db.prisma);
    const programId = f.program.id;
    const owner = await createMember(db.prisma, programId, "owner");
    const [signup, demo] = await Promise.all(
      ["signup_completed", "demo_booked"].map((name) =>
        db.prisma.actionType.upsert({
          where: { programId_name: { programId, name } },
          create: { programId, name },
          update: {},
        }),
      ),
    );
    const { alice, bob } = f.partnerships;
    const rows: {
      programId: number;
      key: string;
      actionTypeId: number;
      targetType: "partnership";
      partnershipId: number;
      occurredAt: Date;
      rewardCents: number;
      properties: { source: string };
    }[] = [];
    const add = (partnershipId: number, typeId: number, d: number, n: number, rewardCents = 0) => {
      for (let i = 0; i < n; i++) {
        rows.push({
          programId,
          rewardCents,
          // Demos come from webinars; signups are organic.
          properties: { source: typeId === demo.id ? "webinar" : "organic" },
          key: `a-${partnershipId}-${typeId}-${d}-${i}`,
          actionTypeId: typeId,
          targetType: "partnership",
          partnershipId,
          // Spread over the local day's hours.
          occurredAt: new Date(midnight(d) + ((i * 37 + 5) % 23) * 3_600_000 + 60_000),
        });
      }
    };
    for (let d = FIRST_DAY; d <= LAST_DAY; d++) {
      // A usual day: 6–8 signups from each partner (a weekly pattern).
      add(alice.id, signup.id, d, 6 + (d % 3));
      add(bob.id, signup.id, d, 6 + ((d + 1) % 3));
      // The spike: forty demos, each rewarded $25.
      if (SPIKE_DAYS.includes(d)) add(bob.id, demo.id, d, 40, 2500);
    }
    await db.prisma.action.createMany({ data: rows });
    await opened.analytics.sync();
    const view = await db.prisma.savedView.create({
      data: { programId, userId: owner.id, name: "All actions", query: "timeframe=past_30_days" },
    });
    return { ...f, owner, view, types: { signup, demo }, rows };
  }

  const input = (w: Awaited<ReturnType<typeof world>>, rule: Partial<AlertInput>): AlertInput => ({
    savedViewId: w.view.id,
    metric: "occurrences",
    actionTypeId: undefined,
    per: "view",
    condition: "unusual",
    threshold: undefined,
    sensitivity: 3,
    frequency: "daily",
    channel: "email",
    recipients: [w.owner.email],
    webhookUrl: undefined,
    ...rule,
  });

  /** Runs the daily checks (five minutes past each local midnight) from `from` to `to`. */
  async function runDays(ctx: Parameters<typeof checkDueAlerts>[0], from: number, to: number) {
    for (let d = from; d <= to; d++) {
      const at = midnight(d) + 5 * 60_000;
      await checkDueAlerts(ctx, () => new Date(at));
    }
  }

  const messages = async (programId: number, alertId: number) =>
    (
      await opened.db.prisma.delivery.findMany({
        where: { programId, alertId },
        orderBy: { dueAt: "asc" },
      })
    ).map((d) => ({ dueAt: d.dueAt.getTime(), message: alertMessage.parse(d.message) }));

  it("fires once per episode with what moved it, recovers, and a snoozed alert stays silent — on both engines", async () => {
    const { db, analytics } = opened;
    const w = await world();
    const programId = w.program.id;
    const created = async (rule: Partial<AlertInput>) => {
      // Made before the first check of the fifth week's first day.
      const made = await createAlert(
        db.prisma,
        w.program,
        { role: "owner", user: w.owner },
        input(w, rule),
        midnight(29) - 3_600_000,
      );
      if (!made.ok) throw new Error(made.message);
      expect(made.nextCheckAt.getTime()).toBe(midnight(29));
      return made.id;
    };
    const usual = await created({});
    const snoozed = await created({});
    const perPartner = await created({ per: "partner", condition: "above", threshold: 20 });
    const perGroup = await created({ per: "group" });
    const demos = await created({
      metric: "type",
      actionTypeId: w.types.demo.id,
      condition: "above",
      threshold: 10,
    });
    const rewards = await created({ metric: "rewards", condition: "above", threshold: 500 });
    const snooze = await changeAlert(
      db.prisma,
      programId,
      { role: "owner", user: w.owner },
      snoozed,
      { kind: "snooze", snooze: "1w" },
      midnight(34),
    );
    expect(snooze).toMatchObject({ ok: true });

    const answers: Record<string, Awaited<ReturnType<typeof messages>>>[] = [];
    for (const engine of [postgresTabEngine(db), analytics.engine]) {
      // Each engine checks the same alerts from the same start.
      await db.prisma.delivery.deleteMany({ where: { programId } });
      await db.prisma.alertEpisode.deleteMany({ where: { programId } });
      await db.prisma.alert.updateMany({
        where: { programId },
        data: { nextCheckAt: new Date(midnight(29)), checkingUntil: null, lastCheckedAt: null },
      });
      const ctx = {
        db,
        sources: async () => ({ db, analytics: { engine, worker: null } }),
        baseUrl: "https://actionboard.example.test",
      };
      await runDays(ctx, 29, LAST_DAY + 1);
      answers.push({
        usual: await messages(programId, usual),
        snoozed: await messages(programId, snoozed),
        perPartner: await messages(programId, perPartner),
        perGroup: await messages(programId, perGroup),
        demos: await messages(programId, demos),
        rewards: await messages(programId, rewards),
      });
    }
    const [pg, ch] = answers;
    expect(ch).toEqual(pg);

    // Away from the usual level: fired once (the check after day 36), recovered after day 38.
    const told = pg.usual;
    expect(told.map((m) => m.dueAt)).toEqual([midnight(37), midnight(39)]);
    const [fired, recovered] = told.map((m) => m.message);
    expect(fired.recovered).toEqual([]);
    expect(fired.fired).toHaveLength(1);
    const spike = fired.fired[0];
    const on = (d: number) => count(w.rows, d);
    expect(spike.value).toBe(on(36));
    // The usual level: days 29, 22, 15 and 8 (the same weekday).
    const weeks = [29, 22, 15, 8].map(on);
    expect(spike.usual).toBeCloseTo(weeks.reduce((a, b) => a + b, 0) / 4, 10);
    expect(spike.high!).toBeLessThan(spike.value);
    expect(fired.period).toBe("2026-02-05");
    expect(fired.comparedWith).toBe("2026-01-29");
    expect(fired.chartUrl).toContain(`/p/${w.program.slug}/actions?`);
    expect(fired.chartUrl).toContain("timeframe=range_2026-01-09_2026-02-05");
    // What moved it: Bob and his group first, each with 40 of the change.
    const change = on(36) - on(29);
    expect(spike.movers.slice(0, 2).map((m) => [m.by, m.label, m.change, m.share])).toEqual([
      ["Partner", expect.stringContaining("ptn_bob"), expect.any(Number), expect.any(Number)],
      ["Partner group", "Resellers", expect.any(Number), expect.any(Number)],
    ]);
    const bob = w.partnerships.bob.id;
    const bobChange = count(w.rows, 36, bob) - count(w.rows, 29, bob);
    expect(spike.movers[0].change).toBe(bobChange);
    expect(spike.movers[0].share).toBeCloseTo(bobChange / change, 10);
    // The property the spike's actions carry is weighed too: all 40 demos came from webinars.
    const webinars = (d: number) =>
      w.rows.filter((r) => r.properties.source === "webinar" && count([r], d) === 1).length;
    expect(spike.movers).toContainEqual({
      by: "Property source",
      label: "webinar",
      before: webinars(29),
      after: webinars(36),
      change: webinars(36) - webinars(29),
      share: (webinars(36) - webinars(29)) / change,
    });
    // Still high on day 37: not told again. Day 38 is usual again: recovered, with its start.
    expect(recovered.fired).toEqual([]);
    expect(recovered.recovered).toMatchObject([{ key: "", value: on(38) }]);
    expect(recovered.recovered[0].since).toBe("2026-02-05T00:00:00-05:00");

    // Snoozed for the week of the spike: silent throughout (its snooze ended after it recovered).
    expect(pg.snoozed).toEqual([]);

    // Above 20 per partner: Bob alone, on days 36 and 37 (one episode), explained by his types.
    expect(pg.perPartner.map((m) => m.dueAt)).toEqual([midnight(37), midnight(39)]);
    const partnerFired = pg.perPartner[0].message.fired;
    expect(partnerFired.map((f) => [f.key, f.value])).toEqual([
      [w.partnerships.bob.partnerKey, count(w.rows, 36, bob)],
    ]);
    expect(partnerFired[0].movers[0]).toMatchObject({
      by: "Action type",
      label: "demo_booked",
      change: 40,
    });
    expect(pg.perPartner[1].message.recovered.map((r) => r.key)).toEqual([
      w.partnerships.bob.partnerKey,
    ]);

    // Per group, away from usual: Resellers alone.
    expect(pg.perGroup[0].message.fired.map((f) => f.label)).toEqual(["Resellers"]);

    // One type's occurrences, and rewards in dollars: the spike's own numbers, counted here.
    const spikeRows = w.rows.filter((r) => r.actionTypeId === w.types.demo.id);
    const onDay = (d: number) => spikeRows.filter((r) => count([r], d) === 1);
    expect(pg.demos.map((m) => m.dueAt)).toEqual([midnight(37), midnight(39)]);
    expect(pg.demos[0].message).toMatchObject({
      metric: "demo_booked occurrences",
      fired: [{ value: onDay(36).length, high: 10 }],
    });
    expect(pg.rewards[0].message).toMatchObject({
      metric: "Rewards (USD)",
      fired: [{ value: onDay(36).reduce((sum, r) => sum + r.rewardCents, 0) / 100, high: 500 }],
    });
    // Rewards are explained by rewards: Bob's dollars, the whole change.
    const dollars = (d: number, partnershipId?: number) =>
      w.rows
        .filter(
          (r) =>
            count([r], d) === 1 &&
            (partnershipId === undefined || r.partnershipId === partnershipId),
        )
        .reduce((sum, r) => sum + r.rewardCents, 0) / 100;
    const bobDollars = dollars(36, bob) - dollars(29, bob);
    expect(pg.rewards[0].message.fired[0].movers[0]).toEqual({
      by: "Partner",
      label: expect.stringContaining("ptn_bob"),
      before: dollars(29, bob),
      after: dollars(36, bob),
      change: bobDollars,
      share: bobDollars / (dollars(36) - dollars(29)),
    });
  });

  it("sends the message by email with the number, the expected range, the chart and what moved it", async () => {
    const { db } = opened;
    const w = await world();
    const made = await createAlert(
      db.prisma,
      w.program,
      { role: "owner", user: w.owner },
      input(w, { condition: "above", threshold: 30 }),
      midnight(37) - 60_000,
    );
    expect(made.ok).toBe(true);
    const sentBefore = sink.messages.length;
    const ctx = deliveryContext(db, sink);
    const at = midnight(37) + 60_000;
    // The same pass checks the alert and sends what it found.
    expect(await runDeliveries(ctx, () => new Date(at))).toMatchObject({ sent: 1 });
    // A second pass at the same time finds nothing more to tell.
    expect(await runDeliveries(ctx, () => new Date(at + 1000))).toMatchObject({ sent: 0 });
    expect(sink.messages.length).toBe(sentBefore + 1);
    const mail = sink.messages.at(-1)!;
    expect(mail.subject).toContain("Alert: All actions");
    expect(mail.text).toContain("The whole view: Occurrences");
    expect(mail.text).toContain("above 30; expected at most 30.");
    // Bob's change and the whole view's, counted from the seeded rows.
    const bob = w.partnerships.bob.id;
    const [before, after] = [count(w.rows, 29, bob), count(w.rows, 36, bob)];
    const share = Math.round(((after - before) / (count(w.rows, 36) - count(w.rows, 29))) * 100);
    expect(mail.text).toContain(
      `· Partner Pat ptn_bob: ${before} → ${after} (+${after - before}, ${share}% of the change)`,
    );
    expect(mail.text).toContain(`https://actionboard.example.test/p/${w.program.slug}/actions?`);
    const log = await db.prisma.delivery.findFirstOrThrow({ where: { programId: w.program.id } });
    expect(log).toMatchObject({ status: "sent", recipients: [w.owner.email] });

    // Its own unsubscribe link (body and List-Unsubscribe) names this alert and this address.
    const link = /Stop receiving this alert: (\S+)/.exec(mail.text ?? "")?.[1] ?? "";
    const header = mail.headerLines.find((l) => l.key === "list-unsubscribe")?.line ?? "";
    expect(header).toContain(`${link}/one-click`);
    const token = new URL(link).pathname.split("/")[2];
    const read = readUnsubscribeLink(token, ctx.secret);
    expect(read).toEqual({
      of: { kind: "alert", programId: w.program.id, id: made.ok ? made.id : 0 },
      recipient: w.owner.email,
    });
    expect(await removeRecipient(db.prisma, read!.of, read!.recipient)).toBe(true);
    const unsubscribed = await db.prisma.alert.findFirstOrThrow({
      where: { programId: w.program.id },
    });
    expect(unsubscribed.recipients).toEqual([]);
  });

  it("leaves a failing check due, and a deleted alert's messages go with it", async () => {
    const { db } = opened;
    const w = await world();
    const made = await createAlert(
      db.prisma,
      w.program,
      { role: "owner", user: w.owner },
      input(w, {}),
      midnight(37) - 60_000,
    );
    if (!made.ok) throw new Error(made.message);
    const warn = vi.fn();
    const broken = {
      db,
      sources: async () => {
        warn();
        throw new Error("analytics away");
      },
      baseUrl: "https://actionboard.example.test",
    };
    await checkDueAlerts(broken, () => new Date(midnight(37) + 60_000));
    expect(warn).toHaveBeenCalledTimes(1);
    const after = await db.prisma.alert.findUniqueOrThrow({
      where: { programId_id: { programId: w.program.id, id: made.id } },
    });
    // Still due at the same check; nobody retries it for five minutes; the page can say why.
    expect(after.nextCheckAt.getTime()).toBe(midnight(37));
    expect(after.checkError).toBe("analytics away");
    expect(after.checkingUntil!.getTime()).toBe(midnight(37) + 60_000 + 5 * 60_000);
    await checkDueAlerts(broken, () => new Date(midnight(37) + 2 * 60_000));
    expect(warn).toHaveBeenCalledTimes(1);
    // Later it is checked again, and fires.
    const ok = {
      ...broken,
      sources: async () => ({ db, analytics: { engine: postgresTabEngine(db), worker: null } }),
    };
    expect(await checkDueAlerts(ok, () => new Date(midnight(37) + 10 * 60_000))).toBe(1);
    const where = { programId_id: { programId: w.program.id, id: made.id } };
    expect((await db.prisma.alert.findUniqueOrThrow({ where })).checkError).toBeNull();
    // Its check time moved back by hand: the period read already is not read (nor told) again.
    await db.prisma.alert.update({ where, data: { nextCheckAt: new Date(midnight(37) - 1000) } });
    expect(await checkDueAlerts(ok, () => new Date(midnight(37) + 20 * 60_000))).toBe(0);
    expect(await db.prisma.delivery.count({ where: { programId: w.program.id } })).toBe(1);
    expect((await db.prisma.alert.findUniqueOrThrow({ where })).nextCheckAt.getTime()).toBe(
      midnight(38),
    );
    await changeAlert(db.prisma, w.program.id, { role: "owner", user: w.owner }, made.id, {
      kind: "delete",
    });
    expect(await db.prisma.delivery.count({ where: { programId: w.program.id } })).toBe(0);
  });

  it("tells a check once when two processes race, and when one dies mid-check another takes it over", async () => {
    const { db } = opened;
    // Checks are claimed across programs: only this test's alert may be due.
    await db.prisma.alert.deleteMany({});
    const w = await world();
    const made = await createAlert(
      db.prisma,
      w.program,
      { role: "owner", user: w.owner },
      input(w, { condition: "above", threshold: 30 }),
      midnight(37) - 60_000,
    );
    if (!made.ok) throw new Error(made.message);
    const ctx = {
      db,
      sources: async () => ({ db, analytics: { engine: postgresTabEngine(db), worker: null } }),
      baseUrl: "https://actionboard.example.test",
    };
    const at = () => new Date(midnight(37) + 60_000);
    // Two passes at once (two servers): one claims, the other finds nothing due.
    const told = await Promise.all([checkDueAlerts(ctx, at), checkDueAlerts(ctx, at)]);
    expect(told.sort()).toEqual([0, 1]);
    expect(await db.prisma.delivery.count({ where: { alertId: made.id } })).toBe(1);

    // The next day's check is claimed by a process that dies before writing anything.
    const where = { programId_id: { programId: w.program.id, id: made.id } };
    const day38 = () => new Date(midnight(38) + 60_000);
    const dead = await claimAlert(db.prisma, day38(), 60_000);
    expect(dead).toMatchObject({ id: made.id });
    // While its lease (a minute here) holds nobody else checks it; after, another process does.
    const leased = { ...ctx, leaseMs: 60_000 };
    expect(await checkDueAlerts(leased, () => new Date(midnight(38) + 100_000))).toBe(0);
    expect((await db.prisma.alert.findUniqueOrThrow({ where })).lastCheckedAt?.getTime()).toBe(
      midnight(37),
    );
    await checkDueAlerts(leased, () => new Date(midnight(38) + 150_000));
    expect((await db.prisma.alert.findUniqueOrThrow({ where })).lastCheckedAt?.getTime()).toBe(
      midnight(38),
    );
    // The dead process coming back finds its claim taken: it writes nothing.
    expect(await checkAlert(ctx, dead!, day38())).toBe("taken");
    // Day 37 was still high: the same episode, not told again by either.
    expect(await db.prisma.delivery.count({ where: { alertId: made.id } })).toBe(1);
    expect(await db.prisma.alertEpisode.count({ where: { alertId: made.id } })).toBe(1);
  });

  it("tells after a snooze what it kept quiet: a recovery, and a number still out of range", async () => {
    const { db } = opened;
    const w = await world();
    const owner = { role: "owner" as const, user: w.owner };
    const make = async () => {
      const made = await createAlert(db.prisma, w.program, owner, input(w, {}), midnight(29) - 1);
      if (!made.ok) throw new Error(made.message);
      return made.id;
    };
    const [recoversInSnooze, outInSnooze] = [await make(), await make()];
    const snooze = (id: number, at: number) =>
      changeAlert(db.prisma, w.program.id, owner, id, { kind: "snooze", snooze: "1d" }, at);
    const ctx = {
      db,
      sources: async () => ({ db, analytics: { engine: postgresTabEngine(db), worker: null } }),
      baseUrl: "https://actionboard.example.test",
    };
    await runDays(ctx, 29, 36);
    // Snoozed for a day just before the check after day 36 (out of range).
    await snooze(outInSnooze, midnight(37) - 1_800_000);
    await runDays(ctx, 37, 38);
    // Told at the check after day 36; snoozed just before the check after day 38 (back in range).
    await snooze(recoversInSnooze, midnight(39) - 1_800_000);
    await runDays(ctx, 39, 41);

    const told = async (id: number) =>
      (await messages(w.program.id, id)).map((m) => ({
        at: m.dueAt,
        fired: m.message.fired.length,
        recovered: m.message.recovered.length,
      }));
    // Fired; back in range during the snooze (nothing said); told recovered once it ended.
    expect(await told(recoversInSnooze)).toEqual([
      { at: midnight(37), fired: 1, recovered: 0 },
      { at: midnight(40), fired: 0, recovered: 1 },
    ]);
    // Out of range during the snooze (nothing said); still out when it ended: told then; recovered.
    expect(await told(outInSnooze)).toEqual([
      { at: midnight(38), fired: 1, recovered: 0 },
      { at: midnight(39), fired: 0, recovered: 1 },
    ]);
  });
});
