// New programs (issue 24): any signed-in owner of a program creates further ones and owns them;
// everyone else is refused; bad fields are named.
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { DEFAULT_GROUP } from "@/lib/programs/create-program";
import { createMember, createProgram, createUser } from "@/lib/testing/factories";
import { redirectTarget } from "@/lib/testing/redirect-target";
import { formData, signedIn } from "@/lib/testing/signed-in";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/test-database";
import { createProgramAction } from "./actions";

const session = signedIn;
const unique = () => Math.random().toString(36).slice(2, 8);

describe.each(inject("engines"))("creating further programs on %s", (engine) => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase(engine);
  });
  afterAll(() => db.close());

  const create = (fields: Record<string, string>) =>
    createProgramAction.on(db)({ status: "idle" }, formData(fields));
  const valid = (slug: string) => ({
    name: "Acme EU",
    slug,
    timezone: "Europe/Berlin",
    currency: "eur",
  });

  it("sends signed-out visitors to sign in and refuses members who own no program", async () => {
    const slug = `new-${unique()}`;
    session.user = null;
    expect(await redirectTarget(create(valid(slug)))).toMatch(/^\/signin\?callbackUrl=/);
    const program = await createProgram(db.prisma);
    for (const role of ["manager", "viewer"] as const) {
      session.user = await createMember(db.prisma, program.id, role);
      expect(await create(valid(slug)), role).toEqual({
        status: "error",
        message: expect.stringMatching(/^Only owners of a program can create further programs/),
      });
    }
    const loner = await createUser(db.prisma);
    session.user = { id: loner.id, email: loner.email, name: loner.name };
    expect(await create(valid(slug))).toEqual({
      status: "error",
      message: expect.stringMatching(/^Only owners of a program can create further programs/),
    });
    expect(await db.prisma.program.count({ where: { slug } })).toBe(0);
  });

  it("makes the owner its owner, with a default group, and lands on its Actions tab", async () => {
    const first = await createProgram(db.prisma);
    session.user = await createMember(db.prisma, first.id, "owner");
    const slug = `acme-eu-${unique()}`;
    expect(await redirectTarget(create(valid(slug)))).toBe(`/p/${slug}/actions`);
    const made = await db.prisma.program.findUniqueOrThrow({
      where: { slug },
      include: { memberships: true, groups: true, auditEvents: true },
    });
    expect(made).toMatchObject({ name: "Acme EU", timezone: "Europe/Berlin", currency: "EUR" });
    expect(made.memberships.map((m) => [m.userId, m.role])).toEqual([[session.user.id, "owner"]]);
    expect(made.groups.map((g) => g.key)).toEqual([DEFAULT_GROUP.key]);
    expect(made.auditEvents.map((a) => [a.kind, a.actorUserId])).toEqual([
      ["program.created", session.user.id],
    ]);
  });

  it("names each bad field, and refuses a slug another program has or had", async () => {
    const first = await createProgram(db.prisma);
    session.user = await createMember(db.prisma, first.id, "owner");
    expect(
      await create({ name: "", slug: "", timezone: "Moon/Base", currency: "XX" }),
    ).toMatchObject({
      status: "error",
      fields: {
        name: "Name the program",
        timezone: expect.stringMatching(/not a time zone/),
        currency: expect.stringMatching(/ISO 4217/),
      },
    });
    expect(await create(valid("Not A Slug!"))).toMatchObject({
      fields: { slug: expect.stringMatching(/lowercase letters/) },
    });
    const old = `gone-${unique()}`;
    await db.prisma.programSlugRedirect.create({ data: { programId: first.id, oldSlug: old } });
    for (const taken of [first.slug, old]) {
      expect(await create(valid(taken)), taken).toEqual({
        status: "error",
        message: "Check the fields marked below.",
        fields: { slug: `the slug "${taken}" is taken; choose another` },
      });
    }
    expect(await db.prisma.program.count({ where: { slug: old } })).toBe(0);
  });
});
