// The Alerts page's server actions: who may make, snooze and delete an alert, and every refusal
// names its field with the status it would have as an API answer, storing nothing.
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createAlertAction, deleteAlertAction, snoozeAlertAction } from "./actions";
import { auditEntries } from "@/lib/testing/audit-entries";
import { createMember, createProgram } from "@/lib/testing/factories";
import { formData, signedIn } from "@/lib/testing/signed-in";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/test-database";

const idle = { status: "idle" } as const;

describe.each(inject("engines"))("the Alerts page's actions, on %s", (engine) => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase(engine);
  });
  afterAll(() => db.close());

  async function world() {
    const program = await createProgram(db.prisma, { timezone: "Europe/Berlin" });
    const manager = await createMember(db.prisma, program.id, "manager");
    const viewer = await createMember(db.prisma, program.id, "viewer");
    const [signup, demo] = await Promise.all(
      ["signup_completed", "demo_booked"].map((name) =>
        db.prisma.actionType.create({ data: { programId: program.id, name } }),
      ),
    );
    const view = await db.prisma.savedView.create({
      data: {
        programId: program.id,
        userId: manager.id,
        name: "Signups",
        query: `timeframe=past_30_days&action_type=${signup.id}`,
      },
    });
    return { program, manager, viewer, view, signup, demo };
  }

  const fields = (w: Awaited<ReturnType<typeof world>>, over: Record<string, string> = {}) =>
    formData({
      savedViewId: String(w.view.id),
      metric: "occurrences",
      per: "view",
      condition: "above",
      threshold: "10",
      frequency: "hourly",
      channel: "email",
      recipients: w.manager.email,
      ...over,
    });

  it("makes an alert from the form, audited, its first check the next local hour", async () => {
    const w = await world();
    signedIn.user = w.manager;
    const before = Date.now();
    const saved = await createAlertAction.on(db)(w.program.slug, idle, fields(w));
    expect(saved).toMatchObject({
      status: "saved",
      message: expect.stringMatching(/^Alert saved/),
    });
    const [alert] = await db.prisma.alert.findMany({ where: { programId: w.program.id } });
    expect(alert).toMatchObject({ metric: "occurrences", condition: "above", threshold: 10 });
    expect(alert.nextCheckAt.getTime()).toBeGreaterThan(before);
    expect(alert.nextCheckAt.getTime() - before).toBeLessThanOrEqual(3_600_000);
    const [entry] = await auditEntries(db.prisma, w.program.id);
    expect(entry).toMatchObject({
      kind: "alerts.created",
      summary:
        "Alert on “Signups”: Occurrences of the whole view above 10, checked every hour, by email",
    });
  });

  it("refuses what the rules refuse, naming the field, and stores nothing", async () => {
    const w = await world();
    const other = await world();
    const refusals: [Record<string, string>, number, string, RegExp][] = [
      [{ threshold: "" }, 422, "threshold", /number to compare/],
      [{ threshold: "-3" }, 422, "threshold", /0 or more/],
      [{ condition: "unusual", sensitivity: "7" }, 422, "sensitivity", /sensitivity/],
      [{ metric: "type" }, 422, "actionTypeId", /action type/],
      [{ frequency: "weekly" }, 422, "frequency", /every hour or every day/],
      [{ recipients: "not-an-address" }, 422, "recipients", /not an email address/],
      [{ recipients: "someone@elsewhere.example" }, 422, "recipients", /not a member/],
      [{ savedViewId: String(other.view.id) }, 404, "savedViewId", /No such saved view/],
      [{ savedViewId: "99999999999" }, 422, "savedViewId", /.+/],
      [
        { metric: "type", actionTypeId: String(other.signup.id) },
        404,
        "actionTypeId",
        /No such action type/,
      ],
      // The view counts signups only: demos are left out.
      [
        { metric: "type", actionTypeId: String(w.demo.id) },
        422,
        "actionTypeId",
        /leaves demo_booked out/,
      ],
    ];
    signedIn.user = w.manager;
    for (const [over, code, field, message] of refusals) {
      const answer = await createAlertAction.on(db)(w.program.slug, idle, fields(w, over));
      expect(answer, JSON.stringify(over)).toMatchObject({ status: "error", code, field, message });
    }
    // A viewer may alert members by email, not a webhook.
    signedIn.user = w.viewer;
    expect(
      await createAlertAction.on(db)(
        w.program.slug,
        idle,
        fields(w, { channel: "webhook", webhookUrl: "https://hooks.example/x", recipients: "" }),
      ),
    ).toMatchObject({ status: "error", code: 403, field: "channel" });
    expect(await db.prisma.alert.count({ where: { programId: w.program.id } })).toBe(0);
  });

  it("lets its creator, owners and managers snooze or delete it, and nobody else", async () => {
    const w = await world();
    signedIn.user = w.manager;
    await createAlertAction.on(db)(w.program.slug, idle, fields(w));
    const alert = await db.prisma.alert.findFirstOrThrow({ where: { programId: w.program.id } });
    const id = String(alert.id);

    signedIn.user = w.viewer;
    expect(
      await snoozeAlertAction.on(db)(w.program.slug, idle, formData({ id, snooze: "1d" })),
    ).toMatchObject({ status: "error", code: 403, field: "id" });
    expect(await deleteAlertAction.on(db)(w.program.slug, idle, formData({ id }))).toMatchObject({
      status: "error",
      code: 403,
    });

    signedIn.user = w.manager;
    expect(
      await snoozeAlertAction.on(db)(w.program.slug, idle, formData({ id, snooze: "forever" })),
    ).toMatchObject({ status: "error", code: 422, field: "snooze" });
    expect(
      await snoozeAlertAction.on(db)(w.program.slug, idle, formData({ id: "x", snooze: "1d" })),
    ).toMatchObject({ status: "error", code: 404, field: "id" });
    const before = Date.now();
    expect(
      await snoozeAlertAction.on(db)(w.program.slug, idle, formData({ id, snooze: "1w" })),
    ).toMatchObject({ status: "saved", message: expect.stringMatching(/^Snoozed until/) });
    const snoozed = await db.prisma.alert.findFirstOrThrow({ where: { id: alert.id } });
    expect(snoozed.snoozedUntil!.getTime() - before).toBeGreaterThanOrEqual(7 * 86_400_000);
    expect(
      await snoozeAlertAction.on(db)(w.program.slug, idle, formData({ id, snooze: "off" })),
    ).toMatchObject({ status: "saved", message: expect.stringMatching(/^Awake/) });
    expect((await db.prisma.alert.findFirstOrThrow({ where: { id: alert.id } })).snoozedUntil).toBe(
      null,
    );

    // Another program's member cannot reach it through their own program.
    const other = await world();
    signedIn.user = other.manager;
    expect(
      await deleteAlertAction.on(db)(other.program.slug, idle, formData({ id })),
    ).toMatchObject({ status: "error", code: 404 });

    signedIn.user = w.manager;
    expect(await deleteAlertAction.on(db)(w.program.slug, idle, formData({ id }))).toMatchObject({
      status: "saved",
    });
    expect(await db.prisma.alert.count({ where: { programId: w.program.id } })).toBe(0);
    const kinds = (await auditEntries(db.prisma, w.program.id)).map((e) => e.kind);
    expect(kinds).toEqual(["alerts.created", "alerts.snoozed", "alerts.snoozed", "alerts.deleted"]);
  });
});
