// Programs, accounts and memberships as a team makes them (issue 24): a program starts with its
// owner and a default group; a slug or an email is taken once (decided by the unique index); a
// program always keeps an owner, also when two owners demote each other at the same moment.
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { accountInput, createAccount } from "../accounts/create-account";
import { openDatabase } from "../db/open";
import { auditEntries } from "../testing/audit-entries";
import { createUser } from "../testing/factories";
import { createTestDatabase, type TestDatabase } from "../testing/test-database";
import { addMember } from "./add-member";
import { createProgram, DEFAULT_GROUP } from "./create-program";
import { programInput, slugFromName } from "./program-input";
import { setMemberRole } from "./set-member-role";

const unique = () => Math.random().toString(36).slice(2, 8);
const ADMIN = { system: "npm run admin" };

describe("program input", () => {
  it("derives a slug from the name and checks zone and currency", () => {
    expect(slugFromName("Acme Partners (EU) — Süd")).toBe("acme-partners-eu-sud");
    expect(
      programInput.parse({ name: "Acme EU", timezone: "Europe/Berlin", currency: "eur" }),
    ).toEqual({ name: "Acme EU", slug: "acme-eu", timezone: "Europe/Berlin", currency: "EUR" });
    const bad = programInput.safeParse({ name: "!!!", timezone: "Mars/Olympus", currency: "XYZ1" });
    expect(bad.error?.issues.map((i) => i.path[0]).sort()).toEqual(["currency", "timezone"]);
    const noSlug = programInput.safeParse({ name: "!!!", timezone: "UTC", currency: "USD" });
    expect(noSlug.error?.issues.map((i) => i.path[0])).toEqual(["slug"]);
  });
});

describe.each(inject("engines"))("programs and members on %s", (engine) => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase(engine);
  });
  afterAll(() => db.close());

  const newProgram = async (ownerId: number, slug = `p-${unique()}`) =>
    createProgram(
      db.prisma,
      programInput.parse({ name: "Team", slug, timezone: "Europe/Berlin", currency: "EUR" }),
      ownerId,
    );

  it("starts a program with its owner and a default group; a taken slug is refused", async () => {
    const owner = await createUser(db.prisma);
    const slug = `team-${unique()}`;
    const made = await newProgram(owner.id, slug);
    expect(made.ok).toBe(true);
    const programId = made.ok ? made.program.id : 0;
    expect(
      await db.prisma.membership.findMany({
        where: { programId },
        select: { userId: true, role: true },
      }),
    ).toEqual([{ userId: owner.id, role: "owner" }]);
    expect(await db.prisma.group.findMany({ where: { programId }, select: { key: true } })).toEqual(
      [{ key: DEFAULT_GROUP.key }],
    );
    expect(await newProgram(owner.id, slug)).toMatchObject({ ok: false, field: "slug" });
    expect(await db.prisma.program.count({ where: { slug } })).toBe(1);
  });

  it("creates accounts with strong passwords and unused emails only", async () => {
    const email = `Ann.${unique()}@Team.test`;
    const weak = accountInput.safeParse({ name: "Ann", email, password: "password" });
    expect(weak.error?.issues.map((i) => i.path[0])).toEqual(["password"]);
    const input = accountInput.parse({ name: "Ann", email, password: "violet-lantern-orbit-47" });
    expect(input.email).toBe(email.toLowerCase());
    expect(await createAccount(db.prisma, input)).toMatchObject({ ok: true });
    expect(await createAccount(db.prisma, input)).toMatchObject({ ok: false, field: "email" });
  });

  it("keeps a program's last owner, and lets members be added once", async () => {
    const owner = await createUser(db.prisma);
    const made = await newProgram(owner.id);
    const programId = made.ok ? made.program.id : 0;
    const other = await createUser(db.prisma);
    expect(await setMemberRole(db.prisma, programId, owner.id, "manager", ADMIN)).toMatchObject({
      ok: false,
      field: "role",
    });
    expect(await setMemberRole(db.prisma, programId, owner.id, null, ADMIN)).toMatchObject({
      ok: false,
    });
    expect(await addMember(db.prisma, programId, other.id, "viewer", ADMIN)).toEqual({ ok: true });
    expect(await addMember(db.prisma, programId, other.id, "owner", ADMIN)).toMatchObject({
      ok: false,
    });
    expect(await setMemberRole(db.prisma, programId, other.id, "owner", ADMIN)).toEqual({
      ok: true,
    });
    expect(await setMemberRole(db.prisma, programId, owner.id, null, ADMIN)).toEqual({ ok: true });
    expect(await setMemberRole(db.prisma, programId, owner.id, "viewer", ADMIN)).toMatchObject({
      ok: false,
      field: "member",
    });
    // One audit entry per change, none for the four refusals; the same role again is no change.
    expect(await setMemberRole(db.prisma, programId, other.id, "owner", ADMIN)).toEqual({
      ok: true,
    });
    expect(
      (await auditEntries(db.prisma, programId)).map((e) => [e.kind, e.actorLabel, e.details]),
    ).toEqual([
      ["members.added", "npm run admin", { userId: other.id, email: other.email, role: "viewer" }],
      [
        "members.role_changed",
        "npm run admin",
        { userId: other.id, email: other.email, from: "viewer", to: "owner" },
      ],
      ["members.removed", "npm run admin", { userId: owner.id, email: owner.email, role: "owner" }],
    ]);
  });

  it("refuses one of two owners demoting each other at the same moment", async () => {
    // Two server processes: on PostgreSQL, each demotion through its own connection pool.
    const second = db.url ? await openDatabase({ engine: "postgres", url: db.url }) : db;
    try {
      for (let round = 0; round < 5; round++) {
        const [a, b] = [await createUser(db.prisma), await createUser(db.prisma)];
        const made = await newProgram(a.id);
        const programId = made.ok ? made.program.id : 0;
        await addMember(db.prisma, programId, b.id, "owner", ADMIN);
        const results = await Promise.all([
          setMemberRole(db.prisma, programId, a.id, "manager", ADMIN),
          setMemberRole(second.prisma, programId, b.id, "viewer", ADMIN),
        ]);
        expect(results.filter((r) => r.ok)).toHaveLength(1);
        expect(await db.prisma.membership.count({ where: { programId, role: "owner" } })).toBe(1);
      }
    } finally {
      if (second !== db) await second.close();
    }
  });
});
