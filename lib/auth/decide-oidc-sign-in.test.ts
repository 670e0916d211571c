// Who a single sign-on signs in as, or why it is refused, over the database.
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { addMember, createProgram, createUser } from "../testing/factories";
import { createInvitation } from "../testing/invitation-factory";
import { createTestDatabase, type TestDatabase } from "../testing/test-database";
import { decideOidcSignIn } from "./decide-oidc-sign-in";
import { NO_PASSWORD } from "../security/password";
import { verifyCredentials } from "./verify-credentials";

const unique = () => Math.random().toString(36).slice(2, 8);
const ALLOWED = ["allowed.test"];

describe.each(inject("engines"))("single sign-on decisions on %s", (engine) => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase(engine);
  });
  afterAll(() => db.close());

  const decide = (claims: unknown, allowed: string[] = ALLOWED) =>
    decideOidcSignIn(db.prisma, claims, allowed);
  const verified = (email: string, more: Record<string, unknown> = {}) => ({
    sub: `sub-${unique()}`,
    email,
    email_verified: true,
    ...more,
  });
  const userCount = (email: string) => db.prisma.user.count({ where: { email } });

  it("signs a verified email with an account in as that account (case-insensitively)", async () => {
    const user = await createUser(db.prisma, { email: `ana-${unique()}@corp.test`, name: "Ana" });
    const program = await createProgram(db.prisma);
    await addMember(db.prisma, program.id, user.id, "manager");

    const decision = await decide(verified(user.email.toUpperCase(), { name: "Other Name" }));

    expect(decision).toEqual({
      ok: true,
      user: { id: user.id, name: "Ana", email: user.email },
      created: false,
      joined: [],
    });
  });

  it("requires email_verified to be exactly true, and an email", async () => {
    const user = await createUser(db.prisma, { email: `ben-${unique()}@corp.test` });
    for (const flag of [false, "true", 1, null, undefined]) {
      expect(await decide({ ...verified(user.email), email_verified: flag }), String(flag)).toEqual(
        { ok: false, reason: "EmailNotVerified" },
      );
    }
    for (const claims of [{ sub: "x", email_verified: true }, verified("not-an-email"), null]) {
      expect(await decide(claims)).toEqual({ ok: false, reason: "NoEmail" });
    }
  });

  it("makes an account with no password for an invited person, who joins with the invited role", async () => {
    const email = `cleo-${unique()}@elsewhere.test`;
    const program = await createProgram(db.prisma);
    await createInvitation(db.prisma, program.id, email, { role: "manager" });

    const decision = await decide(verified(email, { given_name: "Cleo", family_name: "Park" }));

    expect(decision).toMatchObject({
      ok: true,
      created: true,
      user: { name: "Cleo Park", email },
      joined: [{ programId: program.id, role: "manager" }],
    });
    const row = await db.prisma.user.findUniqueOrThrow({ where: { email } });
    expect(row.passwordHash).toBe(NO_PASSWORD);
    expect(
      await db.prisma.membership.findMany({
        where: { userId: row.id },
        select: { programId: true, role: true },
      }),
    ).toEqual([{ programId: program.id, role: "manager" }]);
    // No password opens this account, an empty one least of all.
    for (const password of ["", " ", "x"]) {
      expect(await verifyCredentials(db.prisma, { email, password })).toBeNull();
    }
    // The next sign-in finds the account.
    expect(await decide(verified(email))).toMatchObject({ ok: true, created: false, joined: [] });
  });

  it("joins new invitations when an existing account signs in", async () => {
    const user = await createUser(db.prisma, { email: `dan-${unique()}@corp.test` });
    const program = await createProgram(db.prisma);
    await createInvitation(db.prisma, program.id, user.email, { role: "viewer" });
    expect(await decide(verified(user.email))).toMatchObject({
      ok: true,
      created: false,
      joined: [{ programId: program.id, role: "viewer" }],
    });
  });

  it("makes an account with no program at an allowed domain", async () => {
    const email = `eve-${unique()}@allowed.test`;
    const decision = await decide(verified(email, { preferred_username: "eve" }));
    expect(decision).toMatchObject({ ok: true, created: true, joined: [], user: { name: "eve" } });
    const row = await db.prisma.user.findUniqueOrThrow({
      where: { email },
      include: { memberships: true },
    });
    expect(row.memberships).toEqual([]);
    // Named after the address when the provider gives no name.
    const bare = `finn-${unique()}@allowed.test`;
    expect(await decide(verified(bare))).toMatchObject({ user: { name: bare.split("@")[0] } });
  });

  it("refuses anyone else, leaving no account behind", async () => {
    const outside = `gus-${unique()}@elsewhere.test`;
    expect(await decide(verified(outside))).toEqual({ ok: false, reason: "DomainNotAllowed" });
    expect(await decide(verified(outside), [])).toEqual({ ok: false, reason: "NoAccount" });
    // A subdomain of an allowed domain is another domain.
    const sub = `hal-${unique()}@eu.allowed.test`;
    expect(await decide(verified(sub))).toEqual({ ok: false, reason: "DomainNotAllowed" });
    // Expired and revoked invitations open nothing.
    const program = await createProgram(db.prisma);
    const lapsed = `ida-${unique()}@elsewhere.test`;
    await createInvitation(db.prisma, program.id, lapsed, { expiresAt: new Date(Date.now() - 1) });
    await createInvitation(db.prisma, (await createProgram(db.prisma)).id, lapsed, {
      revokedAt: new Date(),
    });
    expect(await decide(verified(lapsed), [])).toEqual({ ok: false, reason: "NoAccount" });
    expect([await userCount(outside), await userCount(sub), await userCount(lapsed)]).toEqual([
      0, 0, 0,
    ]);
    // An unverified email at an allowed domain gets nothing either.
    const unverified = `jo-${unique()}@allowed.test`;
    expect(await decide({ ...verified(unverified), email_verified: false })).toEqual({
      ok: false,
      reason: "EmailNotVerified",
    });
    expect(await userCount(unverified)).toBe(0);
  });

  it("makes one account when the same new person signs in twice at once", async () => {
    const email = `kai-${unique()}@allowed.test`;
    const results = await Promise.all([decide(verified(email)), decide(verified(email))]);
    expect(results.every((r) => r.ok)).toBe(true);
    const ids = results.map((r) => (r.ok ? r.user.id : 0));
    expect(ids[0]).toBe(ids[1]);
    expect(await userCount(email)).toBe(1);
  });
});
