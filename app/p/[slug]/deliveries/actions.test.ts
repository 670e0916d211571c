import { afterAll, beforeAll, describe, expect, inject, it, vi } from "vitest";
import { auditEntries } from "@/lib/testing/audit-entries";
import { createMember, createProgram } from "@/lib/testing/factories";
import { formData, signedIn } from "@/lib/testing/signed-in";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/test-database";
import {
  createScheduleAction,
  deleteScheduleAction,
  sendNowAction,
  setDomainsAction,
  type DeliveryFormState,
} from "./actions";

const idle: DeliveryFormState = { status: "idle" };

describe.each(inject("engines"))("scheduling deliveries, on %s", (engine) => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase(engine);
  });
  afterAll(() => db.close());

  async function world() {
    const program = await createProgram(db.prisma, { timezone: "America/New_York" });
    const owner = await createMember(db.prisma, program.id, "owner");
    const manager = await createMember(db.prisma, program.id, "manager");
    const viewer = await createMember(db.prisma, program.id, "viewer");
    const view = await db.prisma.savedView.create({
      data: {
        programId: program.id,
        userId: owner.id,
        name: "Weekly",
        query: "timeframe=past_7_days",
      },
    });
    const schedules = () =>
      db.prisma.deliverySchedule.findMany({
        where: { programId: program.id },
        orderBy: { id: "asc" },
      });
    return { program, owner, manager, viewer, view, schedules };
  }

  const form = (fields: Record<string, string>) =>
    formData({
      frequency: "weekly",
      weekday: "1",
      time: "09:00",
      file: "tab.pdf",
      channel: "email",
      ...fields,
    });

  it("lets a viewer schedule to members only, and refuses outside addresses and domains with 422", async () => {
    const w = await world();
    const create = (fields: Record<string, string>) =>
      createScheduleAction.on(db)(
        w.program.slug,
        idle,
        form({ savedViewId: String(w.view.id), ...fields }),
      );

    signedIn.user = w.viewer;
    expect(
      await create({ recipients: `${w.viewer.email}, ${w.owner.email.toUpperCase()}` }),
    ).toMatchObject({
      status: "saved",
    });
    const [mine] = await w.schedules();
    expect(mine.recipients).toEqual([w.viewer.email, w.owner.email]);
    expect(mine.nextRunAt.getTime()).toBeGreaterThan(Date.now());

    expect(await create({ recipients: `${w.viewer.email} boss@partner.example` })).toEqual({
      status: "error",
      code: 422,
      field: "recipients",
      message: expect.stringMatching(
        /boss@partner\.example .*viewers can send deliveries to members only/,
      ),
    });
    expect(
      await create({ channel: "webhook", webhookUrl: "https://hooks.example/x" }),
    ).toMatchObject({
      code: 403,
      field: "channel",
    });
    // Viewers cannot allow domains either.
    expect(
      await setDomainsAction.on(db)(w.program.slug, idle, formData({ domains: "partner.example" })),
    ).toMatchObject({
      code: 403,
    });

    signedIn.user = w.manager;
    expect(await create({ recipients: "boss@partner.example" })).toMatchObject({
      code: 422,
      field: "recipients",
      message: expect.stringMatching(/no outside domain is allowed/),
    });
    expect(
      await setDomainsAction.on(db)(w.program.slug, idle, formData({ domains: "partner.example" })),
    ).toMatchObject({
      code: 403,
    });

    signedIn.user = w.owner;
    expect(
      await setDomainsAction.on(db)(
        w.program.slug,
        idle,
        formData({ domains: "Partner.example\n@agency.example" }),
      ),
    ).toMatchObject({ status: "saved" });
    expect(
      await setDomainsAction.on(db)(w.program.slug, idle, formData({ domains: "not a domain" })),
    ).toMatchObject({
      code: 422,
      field: "domains",
    });

    signedIn.user = w.manager;
    expect(await create({ recipients: "boss@partner.example, ceo@evil.example" })).toMatchObject({
      code: 422,
      message: expect.stringMatching(
        /evil\.example is not an allowed domain \(allowed: partner\.example, agency\.example\)/,
      ),
    });
    expect(await create({ recipients: "boss@partner.example" })).toMatchObject({ status: "saved" });
    // A webhook's signing secret is kept sealed: without the server's key, none is made.
    vi.stubEnv("ACTIONBOARD_ENCRYPTION_KEY", "");
    expect(
      await create({ channel: "webhook", webhookUrl: "https://hooks.example/x" }),
    ).toMatchObject({
      code: 422,
      field: "channel",
      message: expect.stringMatching(/ACTIONBOARD_ENCRYPTION_KEY is not set/),
    });
    vi.unstubAllEnvs();
    signedIn.user = w.viewer;
    expect(await create({ recipients: "boss@partner.example" })).toMatchObject({ code: 422 });
    expect((await w.schedules()).map((s) => s.recipients)).toEqual([
      [w.viewer.email, w.owner.email],
      ["boss@partner.example"],
    ]);
  });

  it("names the field of every bad value and stores nothing", async () => {
    const w = await world();
    signedIn.user = w.owner;
    const cases: [Record<string, string>, string, RegExp][] = [
      [{ savedViewId: "x" }, "savedViewId", /./],
      [{ frequency: "hourly" }, "frequency", /daily, weekly or monthly/],
      [{ weekday: "8" }, "weekday", /weekday/],
      [{ frequency: "monthly", weekday: "" }, "monthDay", /day of the month/],
      [{ frequency: "monthly", monthDay: "32" }, "monthDay", /1 to 31/],
      [{ time: "9am" }, "time", /HH:MM/],
      [{ time: "24:00" }, "time", /HH:MM/],
      [{ file: "secrets.csv" }, "file", /Choose a file/],
      [{ channel: "fax" }, "channel", /email or webhook/],
      [{ recipients: "" }, "recipients", /at least one/],
      [{ recipients: "not-an-address" }, "recipients", /not an email address/],
      [{ channel: "webhook" }, "webhookUrl", /https/],
      [{ channel: "webhook", webhookUrl: "http://hooks.example/x" }, "webhookUrl", /https/],
      [{ channel: "webhook", webhookUrl: "https://127.0.0.1/x" }, "webhookUrl", /private address/],
      [{ channel: "webhook", webhookUrl: "https://[::1]/x" }, "webhookUrl", /private address/],
      [{ channel: "webhook", webhookUrl: "https://localhost/x" }, "webhookUrl", /private address/],
    ];
    for (const [fields, field, message] of cases) {
      const answer = await createScheduleAction.on(db)(
        w.program.slug,
        idle,
        form({ savedViewId: String(w.view.id), recipients: w.owner.email, ...fields }),
      );
      expect(answer, JSON.stringify(fields)).toMatchObject({ status: "error", code: 422, field });
      expect(answer.message).toMatch(message);
    }
    const other = await createProgram(db.prisma);
    const foreign = await db.prisma.savedView.create({
      data: { programId: other.id, userId: w.owner.id, name: "Theirs", query: "" },
    });
    expect(
      await createScheduleAction.on(db)(
        w.program.slug,
        idle,
        form({ savedViewId: String(foreign.id), recipients: w.owner.email }),
      ),
    ).toMatchObject({ code: 404, field: "savedViewId" });
    expect(await w.schedules()).toEqual([]);
  });

  it("lets the creator, owners and managers send now or delete a schedule, and no one else", async () => {
    const w = await world();
    const other = await createMember(db.prisma, w.program.id, "viewer");
    signedIn.user = w.viewer;
    await createScheduleAction.on(db)(
      w.program.slug,
      idle,
      form({ savedViewId: String(w.view.id), recipients: w.viewer.email }),
    );
    const [schedule] = await w.schedules();
    const id = formData({ id: String(schedule.id) });
    signedIn.user = other;
    expect(await sendNowAction.on(db)(w.program.slug, idle, id)).toMatchObject({ code: 403 });
    expect(await deleteScheduleAction.on(db)(w.program.slug, idle, id)).toMatchObject({
      code: 403,
    });
    expect(await db.prisma.delivery.count({ where: { programId: w.program.id } })).toBe(0);
    signedIn.user = w.viewer;
    expect(await sendNowAction.on(db)(w.program.slug, idle, id)).toMatchObject({ status: "saved" });
    // Clicked again before it has gone: one delivery, and the answer says why.
    expect(await sendNowAction.on(db)(w.program.slug, idle, id)).toMatchObject({
      code: 409,
      field: "id",
      message: expect.stringMatching(/still on its way/),
    });
    const [asked] = await db.prisma.delivery.findMany({ where: { programId: w.program.id } });
    expect(asked).toMatchObject({ manual: true, status: "pending", scheduleId: schedule.id });
    signedIn.user = w.manager;
    expect(
      await sendNowAction.on(db)(w.program.slug, idle, formData({ id: "999999" })),
    ).toMatchObject({ code: 404 });
    expect(await deleteScheduleAction.on(db)(w.program.slug, idle, id)).toMatchObject({
      status: "saved",
    });
    expect(await w.schedules()).toEqual([]);
    // The audit log: who scheduled, sent and deleted; the refusals (403, 409, 404) left nothing.
    const facts = {
      scheduleId: schedule.id,
      savedViewId: w.view.id,
      savedView: "Weekly",
      frequency: "weekly",
      weekday: 1,
      monthDay: null,
      time: "09:00",
      file: "tab.pdf",
      channel: "email",
      recipients: [w.viewer.email],
    };
    const label = (u: { name: string; email: string }) => `${u.name} <${u.email}>`;
    expect(await auditEntries(db.prisma, w.program.id)).toEqual([
      {
        kind: "deliveries.schedule_created",
        actorUserId: w.viewer.id,
        actorLabel: label(w.viewer),
        summary: "Scheduled “Weekly” weekly on Monday at 09:00, tab.pdf by email",
        details: facts,
      },
      {
        kind: "deliveries.sent_now",
        actorUserId: w.viewer.id,
        actorLabel: label(w.viewer),
        summary: "Sent “Weekly” now (tab.pdf by email)",
        details: {
          scheduleId: schedule.id,
          savedView: "Weekly",
          file: "tab.pdf",
          channel: "email",
        },
      },
      {
        kind: "deliveries.schedule_deleted",
        actorUserId: w.manager.id,
        actorLabel: label(w.manager),
        summary: "Deleted the schedule of “Weekly” weekly on Monday at 09:00, tab.pdf by email",
        details: facts,
      },
    ]);
  });

  it("logs allowed domains as added and removed, and a webhook by its host only", async () => {
    vi.stubEnv("ACTIONBOARD_ENCRYPTION_KEY", "deliveries-test-encryption-key-0123456789");
    const w = await world();
    signedIn.user = w.owner;
    const domains = (text: string) =>
      setDomainsAction.on(db)(w.program.slug, idle, formData({ domains: text }));
    expect(await domains("a.example b.example")).toMatchObject({ status: "saved" });
    expect(await domains("b.example, a.example")).toMatchObject({ status: "saved" });
    expect(await domains("b.example c.example")).toMatchObject({ status: "saved" });
    expect(await domains("not a domain")).toMatchObject({ code: 422 });
    const url = "https://hooks.example/services/T000/B000/XXXXtoken?sig=abc";
    expect(
      await createScheduleAction.on(db)(
        w.program.slug,
        idle,
        form({ savedViewId: String(w.view.id), channel: "webhook", webhookUrl: url }),
      ),
    ).toMatchObject({ status: "saved" });
    vi.unstubAllEnvs();

    const entries = await auditEntries(db.prisma, w.program.id);
    expect(entries.map((e) => [e.kind, e.summary, e.details])).toEqual([
      [
        "deliveries.domains_changed",
        "Allowed delivery domains: added a.example, b.example",
        {
          before: [],
          after: ["a.example", "b.example"],
          added: ["a.example", "b.example"],
          removed: [],
        },
      ],
      // The same domains in another order changed nothing: no entry.
      [
        "deliveries.domains_changed",
        "Allowed delivery domains: added c.example; removed a.example",
        {
          before: ["b.example", "a.example"],
          after: ["b.example", "c.example"],
          added: ["c.example"],
          removed: ["a.example"],
        },
      ],
      [
        "deliveries.schedule_created",
        "Scheduled “Weekly” weekly on Monday at 09:00, tab.pdf by webhook",
        expect.objectContaining({ channel: "webhook", webhookHost: "hooks.example" }),
      ],
    ]);
    const [schedule] = await w.schedules();
    const text = JSON.stringify(entries);
    expect(text).not.toContain("XXXXtoken");
    expect(text).not.toContain(schedule.webhookSecret!);
  });
});
