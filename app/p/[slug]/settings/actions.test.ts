// Program settings (issue 24): owners change name, zone, currency (while the program has no
// rewards) and slug (old links redirect); only owners, and deletion only with the slug typed.
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { findSlugRedirect } from "@/lib/programs/find-slug-redirect";
import { movedProgramPath } from "@/lib/programs/moved-program-path";
import { createMember, createProgram } from "@/lib/testing/factories";
import { seedFullProgram } from "@/lib/testing/full-program";
import { redirectTarget } from "@/lib/testing/redirect-target";
import { formData, signedIn } from "@/lib/testing/signed-in";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/test-database";
import { deleteProgramAction, saveProgramSettingsAction } from "./actions";

const session = signedIn;
const unique = () => Math.random().toString(36).slice(2, 8);

describe("old links of a renamed program", () => {
  it("keep their path and query under the new slug", () => {
    expect(movedProgramPath("/p/old/actions/occurrences?partner=p1&t=2", "old", "new")).toBe(
      "/p/new/actions/occurrences?partner=p1&t=2",
    );
    expect(movedProgramPath("/p/old?x=1", "old", "new")).toBe("/p/new?x=1");
    expect(movedProgramPath("/p/old", "old", "new")).toBe("/p/new");
    // Not under the old slug (a server action posted from elsewhere, no request): the start.
    expect(movedProgramPath("/p/older/actions", "old", "new")).toBe("/p/new");
    expect(movedProgramPath(null, "old", "new")).toBe("/p/new");
  });
});

describe.each(inject("engines"))("program settings on %s", (engine) => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase(engine);
  });
  afterAll(() => db.close());

  type Program = { id: number; slug: string; name: string; timezone: string; currency: string };
  const fields = (p: Program, changes: Record<string, string> = {}) =>
    formData({
      name: p.name,
      slug: p.slug,
      timezone: p.timezone,
      currency: p.currency,
      ...changes,
    });
  const save = (slug: string, form: FormData) =>
    saveProgramSettingsAction.on(db)(slug, { status: "idle" }, form);
  const remove = (slug: string, confirm: string) =>
    deleteProgramAction.on(db)(slug, { status: "idle" }, formData({ confirm }));
  const stored = (id: number) =>
    db.prisma.program.findUniqueOrThrow({
      where: { id },
      select: { id: true, slug: true, name: true, timezone: true, currency: true },
    });
  const ownedProgram = async () => {
    const program = await createProgram(db.prisma, { slug: `set-${unique()}` });
    session.user = await createMember(db.prisma, program.id, "owner");
    return program;
  };

  it("refuses managers and viewers, and non-members get a 403", async () => {
    const program = await createProgram(db.prisma);
    const before = await stored(program.id);
    for (const role of ["manager", "viewer"] as const) {
      session.user = await createMember(db.prisma, program.id, role);
      expect(await save(program.slug, fields(program, { name: "Taken over" })), role).toEqual({
        status: "error",
        message: "Only program owners can change the program’s settings.",
      });
      expect(await remove(program.slug, program.slug), role).toEqual({
        status: "error",
        message: "Only program owners can delete the program.",
      });
    }
    const other = await createProgram(db.prisma);
    session.user = await createMember(db.prisma, other.id, "owner");
    await expect(save(program.slug, fields(program, { name: "X" }))).rejects.toThrow(
      /403|forbidden/,
    );
    await expect(remove(program.slug, program.slug)).rejects.toThrow(/403|forbidden/);
    expect(await stored(program.id)).toEqual(before);
  });

  it("renames, and names the field of bad input", async () => {
    const program = await ownedProgram();
    expect(await save(program.slug, fields(program, { name: "  Renamed  " }))).toEqual({
      status: "saved",
      message: "Settings saved.",
    });
    expect((await stored(program.id)).name).toBe("Renamed");
    const audit = await db.prisma.auditEvent.findMany({ where: { programId: program.id } });
    expect(audit.map((a) => [a.kind, a.details])).toEqual([
      ["program.updated", { name: { before: program.name, after: "Renamed" } }],
    ]);

    const bad = await save(
      program.slug,
      fields(program, { name: "", timezone: "Mars/Olympus", currency: "EURO", slug: "-x-" }),
    );
    expect(bad).toMatchObject({
      status: "error",
      fields: {
        name: "Name the program",
        timezone: expect.stringMatching(/not a time zone/),
        currency: expect.stringMatching(/ISO 4217/),
      },
    });
    expect((await stored(program.id)).name).toBe("Renamed");
  });

  it("changes the zone only once confirmed, and moves the delivery schedules and alerts with it", async () => {
    const { program, owner } = await seedFullProgram(db.prisma);
    session.user = owner;
    const zone = "Asia/Tokyo";
    expect(await save(program.slug, fields(program, { timezone: zone }))).toMatchObject({
      status: "error",
      fields: { timezone: expect.stringMatching(/confirm/) },
    });
    expect((await stored(program.id)).timezone).toBe(program.timezone);

    const before = Date.now();
    expect(
      await save(program.slug, fields(program, { timezone: zone, confirmTimezone: zone })),
    ).toEqual({ status: "saved", message: "Settings saved." });
    expect((await stored(program.id)).timezone).toBe(zone);
    // The fixture's daily 09:00 schedule: next due at 09:00 Tokyo time, within a day.
    const [schedule] = await db.prisma.deliverySchedule.findMany({
      where: { programId: program.id },
    });
    const next = schedule.nextRunAt.getTime();
    expect(next).toBeGreaterThan(before);
    expect(next - before).toBeLessThanOrEqual(86_400_000);
    const wall = new Intl.DateTimeFormat("en-GB", {
      timeZone: zone,
      hour: "2-digit",
      minute: "2-digit",
    }).format(schedule.nextRunAt);
    expect(wall).toBe("09:00");
    // The fixture's daily alert: next checked at the next midnight in Tokyo.
    const [alert] = await db.prisma.alert.findMany({ where: { programId: program.id } });
    expect(alert.nextCheckAt.getTime() - before).toBeLessThanOrEqual(86_400_000);
    expect(
      new Intl.DateTimeFormat("en-GB", {
        timeZone: zone,
        hour: "2-digit",
        minute: "2-digit",
        hourCycle: "h23",
      }).format(alert.nextCheckAt),
    ).toBe("00:00");
    const audit = await db.prisma.auditEvent.findFirstOrThrow({
      where: { programId: program.id, kind: "program.updated" },
      orderBy: { id: "desc" },
    });
    expect(audit.details).toEqual({ timezone: { before: program.timezone, after: zone } });
  });

  it("changes the currency only while the program has no rewards", async () => {
    const { program, owner } = await seedFullProgram(db.prisma);
    session.user = owner;
    expect(await save(program.slug, fields(program, { currency: "EUR" }))).toMatchObject({
      status: "error",
      fields: { currency: expect.stringMatching(/has rewards/) },
    });
    expect((await stored(program.id)).currency).toBe(program.currency);

    const empty = await ownedProgram();
    expect(await save(empty.slug, fields(empty, { currency: "eur" }))).toMatchObject({
      status: "saved",
    });
    expect((await stored(empty.id)).currency).toBe("EUR");
  });

  it("changes the slug, keeps the old one as a redirect, and can go back to it", async () => {
    const program = await ownedProgram();
    const first = program.slug;
    const second = `moved-${unique()}`;
    expect(await redirectTarget(save(first, fields(program, { slug: second })))).toBe(
      `/p/${second}/settings?saved=1`,
    );
    expect(await stored(program.id)).toMatchObject({ slug: second });
    expect(await findSlugRedirect(db.prisma, first)).toBe(second);
    // The old slug answers every program request with the new address (here a server action,
    // outside a request: the program's start).
    expect(await redirectTarget(save(first, fields(program)))).toBe(`/p/${second}`);
    const slugAudit = await db.prisma.auditEvent.findFirstOrThrow({
      where: { programId: program.id, kind: "program.slug_changed" },
    });
    expect(slugAudit.details).toEqual({ before: first, after: second });

    // A non-member following the old link learns nothing of the new one.
    const stranger = await createProgram(db.prisma);
    session.user = await createMember(db.prisma, stranger.id, "owner");
    await expect(save(first, fields(program))).rejects.toThrow(/403|forbidden/);

    const membership = await db.prisma.membership.findFirstOrThrow({
      where: { programId: program.id },
      select: { user: { select: { id: true, email: true, name: true } } },
    });
    session.user = membership.user;
    // Back to the first slug: the program's own old slug is free to it.
    expect(
      await redirectTarget(save(second, fields({ ...program, slug: second }, { slug: first }))),
    ).toBe(`/p/${first}/settings?saved=1`);
    expect(await stored(program.id)).toMatchObject({ slug: first });
    expect(await findSlugRedirect(db.prisma, first)).toBeNull();
    expect(await findSlugRedirect(db.prisma, second)).toBe(first);
  });

  it("refuses a slug another program has or had", async () => {
    const other = await createProgram(db.prisma, { slug: `other-${unique()}` });
    const otherOld = `other-old-${unique()}`;
    await db.prisma.programSlugRedirect.create({
      data: { programId: other.id, oldSlug: otherOld },
    });
    const program = await ownedProgram();
    for (const taken of [other.slug, otherOld]) {
      expect(await save(program.slug, fields(program, { slug: taken })), taken).toEqual({
        status: "error",
        message: "Check the fields marked below.",
        fields: { slug: `"${taken}" is taken by another program; choose another` },
      });
    }
    expect(await stored(program.id)).toMatchObject({ slug: program.slug });
    expect(await db.prisma.programSlugRedirect.count({ where: { programId: program.id } })).toBe(0);
    expect(await findSlugRedirect(db.prisma, otherOld)).toBe(other.slug);
  });

  it("deletes only with the slug typed exactly, then sends the owner to the start page", async () => {
    const { program, owner } = await seedFullProgram(db.prisma);
    session.user = owner;
    for (const typed of ["", program.name, program.slug.toUpperCase(), `${program.slug}x`]) {
      expect(await remove(program.slug, typed), typed).toEqual({
        status: "error",
        message: expect.stringMatching(/type the program’s slug.*Nothing was deleted/),
      });
    }
    expect(await db.prisma.program.count({ where: { id: program.id } })).toBe(1);
    expect(await redirectTarget(remove(program.slug, ` ${program.slug} `))).toBe("/");
    expect(await db.prisma.program.count({ where: { id: program.id } })).toBe(0);
    expect(await db.prisma.action.count({ where: { programId: program.id } })).toBe(0);
  });
});
