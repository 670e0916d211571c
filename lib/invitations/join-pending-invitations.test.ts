// Joining the programs that invited an address (single sign-on with a verified email).
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { openDatabase } from "../db/open";
import { addMember, createProgram, createUser } from "../testing/factories";
import { createInvitation } from "../testing/invitation-factory";
import { createTestDatabase, type TestDatabase } from "../testing/test-database";
import { joinPendingInvitations } from "./join-pending-invitations";

const HOUR = 3_600_000;
const unique = () => Math.random().toString(36).slice(2, 8);

describe.each(inject("engines"))("joining pending invitations on %s", (engine) => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase(engine);
  });
  afterAll(() => db.close());

  const person = async () => {
    const email = `ana-${unique()}@team.test`;
    const user = await createUser(db.prisma, { email, name: "Ana" });
    return { id: user.id, name: user.name, email };
  };
  const roles = (userId: number) =>
    db.prisma.membership.findMany({
      where: { userId },
      select: { programId: true, role: true },
      orderBy: { programId: "asc" },
    });

  it("joins every open invitation with its role, case-insensitively, accepted with an audit entry", async () => {
    const user = await person();
    const [a, b] = [await createProgram(db.prisma), await createProgram(db.prisma)];
    const toA = await createInvitation(db.prisma, a.id, user.email.toUpperCase(), {
      role: "manager",
    });
    const toB = await createInvitation(db.prisma, b.id, user.email, { role: "viewer" });

    const joined = await joinPendingInvitations(db.prisma, user);

    expect(joined).toEqual([
      { programId: a.id, invitationId: toA.id, role: "manager" },
      { programId: b.id, invitationId: toB.id, role: "viewer" },
    ]);
    expect(await roles(user.id)).toEqual([
      { programId: a.id, role: "manager" },
      { programId: b.id, role: "viewer" },
    ]);
    const rows = await db.prisma.invitation.findMany({
      where: { programId: { in: [a.id, b.id] } },
      select: { acceptedAt: true, acceptedUserId: true },
    });
    expect(rows.every((r) => r.acceptedAt !== null && r.acceptedUserId === user.id)).toBe(true);
    const audit = await db.prisma.auditEvent.findMany({
      where: { programId: { in: [a.id, b.id] } },
      select: { programId: true, kind: true, actorUserId: true, actorLabel: true, summary: true },
      orderBy: { programId: "asc" },
    });
    expect(audit).toEqual([
      {
        programId: a.id,
        kind: "invitations.accepted",
        actorUserId: user.id,
        actorLabel: `Ana <${user.email}>`,
        summary: `${user.email} accepted the invitation and joined as manager`,
      },
      expect.objectContaining({ programId: b.id, kind: "invitations.accepted" }),
    ]);
    // Once accepted, nothing is left to join.
    expect(await joinPendingInvitations(db.prisma, user)).toEqual([]);
  });

  it("ignores expired, revoked and accepted invitations and other addresses", async () => {
    const user = await person();
    const program = await createProgram(db.prisma);
    const others = await Promise.all(
      [0, 1, 2, 3].map(() => createProgram(db.prisma).then((p) => p.id)),
    );
    const now = new Date();
    await createInvitation(db.prisma, others[0], user.email, {
      expiresAt: new Date(now.getTime() - HOUR),
    });
    await createInvitation(db.prisma, others[1], user.email, { revokedAt: now });
    await createInvitation(db.prisma, others[2], user.email, { acceptedAt: now });
    await createInvitation(db.prisma, others[3], `x${user.email}`);
    // Expires exactly now: no longer open.
    await createInvitation(db.prisma, program.id, user.email, { expiresAt: now });

    expect(await joinPendingInvitations(db.prisma, user, now)).toEqual([]);
    expect(await roles(user.id)).toEqual([]);
    expect(await db.prisma.auditEvent.count({ where: { programId: { in: others } } })).toBe(0);
  });

  it("keeps a member's role, and accepts the invitation", async () => {
    const user = await person();
    const program = await createProgram(db.prisma);
    await addMember(db.prisma, program.id, user.id, "owner");
    await createInvitation(db.prisma, program.id, user.email, { role: "viewer" });

    expect(await joinPendingInvitations(db.prisma, user)).toHaveLength(1);
    expect(await roles(user.id)).toEqual([{ programId: program.id, role: "owner" }]);
    const [entry] = await db.prisma.auditEvent.findMany({ where: { programId: program.id } });
    expect(entry.summary).toMatch(/a member already \(stays owner\)/);
  });

  it("runs in a given transaction: rolled back, nothing is joined", async () => {
    const user = await person();
    const program = await createProgram(db.prisma);
    await createInvitation(db.prisma, program.id, user.email);
    await expect(
      db.prisma.$transaction(async (tx) => {
        expect(await joinPendingInvitations(tx, user)).toHaveLength(1);
        throw new Error("rolled back");
      }),
    ).rejects.toThrow("rolled back");
    expect(await roles(user.id)).toEqual([]);
    expect(await joinPendingInvitations(db.prisma, user)).toHaveLength(1);
  });

  it("joins once when the same person signs in twice at the same moment", async () => {
    // Two server processes: on PostgreSQL, each through its own connection pool.
    const second = db.url ? await openDatabase({ engine: "postgres", url: db.url }) : db;
    try {
      for (let round = 0; round < 3; round++) {
        const user = await person();
        const program = await createProgram(db.prisma);
        await createInvitation(db.prisma, program.id, user.email, { role: "manager" });
        const results = await Promise.all([
          joinPendingInvitations(db.prisma, user),
          joinPendingInvitations(second.prisma, user),
        ]);
        expect(results.map((r) => r.length).sort()).toEqual([0, 1]);
        expect(await db.prisma.auditEvent.count({ where: { programId: program.id } })).toBe(1);
      }
    } finally {
      if (second !== db) await second.close();
    }
  });
});
