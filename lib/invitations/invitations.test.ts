// Invitations (issue 24): a signed link, used once, valid seven days; a new person sets name and
// password, an account signs in and joins; used twice, expired, tampered, replaced, revoked or
// opened by another signed-in account → refused with the reason; partnerships waiting for this
// manager get them on joining.
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { verifyCredentials } from "../auth/verify-credentials";
import { addMember, createProgram, createUser } from "../testing/factories";
import { createTestDatabase, type TestDatabase } from "../testing/test-database";
import { acceptInvitation } from "./accept-invitation";
import { createInvitation } from "./create-invitation";
import { INVITATION_TTL_MS } from "./invitation-link";
import { listOpenInvitations } from "./list-invitations";
import { readInvitation } from "./read-invitation";
import { resendInvitation } from "./resend-invitation";
import { revokeInvitation } from "./revoke-invitation";

const STRONG = "copper-meadow-signal-93";
const unique = () => Math.random().toString(36).slice(2, 8);

describe.each(inject("engines"))("invitations on %s", (engine) => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase(engine);
  });
  afterAll(() => db.close());

  async function team() {
    const owner = await createUser(db.prisma, { name: "Olive" });
    const program = await createProgram(db.prisma);
    await addMember(db.prisma, program.id, owner.id, "owner");
    const actor = { id: owner.id, name: owner.name, email: owner.email };
    return { owner, program, actor };
  }

  const invite = async (
    programId: number,
    actor: { id: number; name: string; email: string },
    email: string,
    role: "owner" | "manager" | "viewer" = "viewer",
    now?: Date,
  ) => {
    const made = await createInvitation(db.prisma, { programId, email, role, actor }, now);
    if (!made.ok) throw new Error(made.message);
    return made;
  };

  it("a new person sets name and password and joins with the invited role, once", async () => {
    const { program, actor } = await team();
    const email = `new-${unique()}@example.test`;
    const { token } = await invite(program.id, actor, email.toUpperCase(), "manager");
    expect(await readInvitation(db.prisma, token)).toMatchObject({
      ok: true,
      accountExists: false,
      invitation: { email, role: "manager" },
    });

    const weak = await acceptInvitation(db.prisma, token, {
      kind: "new",
      name: "Nia",
      password: "short",
    });
    expect(weak).toMatchObject({ ok: false, field: "password" });
    const joined = await acceptInvitation(db.prisma, token, {
      kind: "new",
      name: "Nia",
      password: STRONG,
    });
    expect(joined).toMatchObject({ ok: true, slug: program.slug, email });
    expect(await verifyCredentials(db.prisma, { email, password: STRONG })).not.toBeNull();
    const membership = await db.prisma.membership.findFirst({
      where: { programId: program.id, user: { email } },
    });
    expect(membership?.role).toBe("manager");

    const twice = await acceptInvitation(db.prisma, token, {
      kind: "new",
      name: "Nia",
      password: STRONG,
    });
    expect(twice).toMatchObject({
      ok: false,
      field: "token",
      message: expect.stringContaining("used already"),
    });
    const kinds = await db.prisma.auditEvent.findMany({
      where: { programId: program.id },
      orderBy: { id: "asc" },
      select: { kind: true },
    });
    expect(kinds.map((k) => k.kind)).toEqual(["invitations.sent", "invitations.accepted"]);
    expect(await listOpenInvitations(db.prisma, program.id)).toEqual([]);
  });

  it("an account joins signed in; another signed-in account is refused", async () => {
    const { program, actor } = await team();
    const invited = await createUser(db.prisma);
    const stranger = await createUser(db.prisma);
    const { token } = await invite(program.id, actor, invited.email);
    expect(await readInvitation(db.prisma, token)).toMatchObject({ ok: true, accountExists: true });
    const asNew = await acceptInvitation(db.prisma, token, {
      kind: "new",
      name: "X",
      password: STRONG,
    });
    expect(asNew).toMatchObject({ ok: false, message: expect.stringContaining("sign in to join") });
    const wrong = await acceptInvitation(db.prisma, token, { kind: "user", user: stranger });
    expect(wrong).toMatchObject({
      ok: false,
      message: expect.stringContaining(`you are signed in as ${stranger.email}`),
    });
    expect(
      await db.prisma.membership.count({ where: { programId: program.id, userId: stranger.id } }),
    ).toBe(0);
    const ok = await acceptInvitation(db.prisma, token, { kind: "user", user: invited });
    expect(ok).toMatchObject({ ok: true, userId: invited.id });
    expect(
      await db.prisma.membership.count({ where: { programId: program.id, userId: invited.id } }),
    ).toBe(1);
  });

  it("refuses tampered, expired, revoked and replaced links with the reason", async () => {
    const { program, actor } = await team();
    const a = await invite(program.id, actor, `a-${unique()}@example.test`);
    const [body, signature] = a.token.split(".");
    const forged = Buffer.from(
      JSON.stringify({
        ...JSON.parse(Buffer.from(body, "base64url").toString()),
        i: a.invitationId + 1,
      }),
    ).toString("base64url");
    for (const bad of [
      `${forged}.${signature}`,
      `${body}.${signature.slice(0, -2)}xx`,
      "garbage",
      "",
      7,
    ]) {
      expect(await readInvitation(db.prisma, bad)).toMatchObject({
        ok: false,
        reason: expect.stringContaining("not valid"),
      });
    }

    const long = new Date(Date.now() - INVITATION_TTL_MS - 60_000);
    const old = await invite(program.id, actor, `old-${unique()}@example.test`, "viewer", long);
    expect(
      await acceptInvitation(db.prisma, old.token, { kind: "new", name: "O", password: STRONG }),
    ).toMatchObject({ ok: false, message: expect.stringContaining("expired") });
    expect(
      (await listOpenInvitations(db.prisma, program.id)).find((i) => i.id === old.invitationId)
        ?.expired,
    ).toBe(true);

    const resent = await resendInvitation(db.prisma, program.id, old.invitationId, actor);
    expect(resent).not.toBeNull();
    expect(await readInvitation(db.prisma, old.token)).toMatchObject({
      ok: false,
      reason: expect.stringContaining("newer invitation"),
    });
    expect(await readInvitation(db.prisma, resent!.token)).toMatchObject({ ok: true });

    expect(await revokeInvitation(db.prisma, program.id, old.invitationId, actor)).toBe(true);
    expect(await readInvitation(db.prisma, resent!.token)).toMatchObject({
      ok: false,
      reason: expect.stringContaining("withdrawn"),
    });
    expect(await revokeInvitation(db.prisma, program.id, old.invitationId, actor)).toBe(false);
    expect(await db.prisma.user.count({ where: { email: { startsWith: "old-" } } })).toBe(0);
  });

  it("refuses inviting a member or an address invited already; another program's invitation is out of reach", async () => {
    const { owner, program, actor } = await team();
    expect(
      await createInvitation(db.prisma, {
        programId: program.id,
        email: owner.email,
        role: "viewer",
        actor,
      }),
    ).toMatchObject({ ok: false, code: 409, field: "email" });
    const email = `twice-${unique()}@example.test`;
    const first = await invite(program.id, actor, email);
    expect(
      await createInvitation(db.prisma, {
        programId: program.id,
        email: email.toUpperCase(),
        role: "owner",
        actor,
      }),
    ).toMatchObject({ ok: false, code: 409 });
    const other = await team();
    expect(
      await revokeInvitation(db.prisma, other.program.id, first.invitationId, other.actor),
    ).toBe(false);
    expect(
      await resendInvitation(db.prisma, other.program.id, first.invitationId, other.actor),
    ).toBeNull();
  });

  it("two acceptances of one link at once make one account", async () => {
    const { program, actor } = await team();
    const email = `race-${unique()}@example.test`;
    const { token } = await invite(program.id, actor, email);
    const results = await Promise.all([
      acceptInvitation(db.prisma, token, { kind: "new", name: "A", password: STRONG }),
      acceptInvitation(db.prisma, token, { kind: "new", name: "B", password: STRONG }),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(await db.prisma.user.count({ where: { email } })).toBe(1);
  });

  it("assigns the partnerships waiting for this manager when they join", async () => {
    const { program, actor } = await team();
    const email = `mgr-${unique()}@example.test`;
    const group = await db.prisma.group.create({
      data: { programId: program.id, key: "g", name: "G", slug: "g" },
    });
    for (const key of ["p1", "p2"]) {
      await db.prisma.partnership.create({
        data: {
          programId: program.id,
          partnerKey: key,
          firstName: "P",
          lastName: key,
          email: `${key}@x.test`,
          groupId: group.id,
          pendingManagerEmail: email,
        },
      });
    }
    const { token } = await invite(program.id, actor, email, "manager");
    const joined = await acceptInvitation(db.prisma, token, {
      kind: "new",
      name: "Max",
      password: STRONG,
    });
    expect(joined.ok).toBe(true);
    const rows = await db.prisma.partnership.findMany({
      where: { programId: program.id },
      select: { managerUserId: true, pendingManagerEmail: true },
    });
    expect(rows).toEqual([
      { managerUserId: joined.ok ? joined.userId : -1, pendingManagerEmail: null },
      { managerUserId: joined.ok ? joined.userId : -1, pendingManagerEmail: null },
    ]);
  });
});
