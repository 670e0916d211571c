// Sessions the database can end: sign-out ends one; a password change, leaving a program or a new
// role end every session of the user (triggers, whoever writes).
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { addMember, createProgram, createUser } from "../testing/factories";
import { createTestDatabase, type TestDatabase } from "../testing/test-database";
import { endUserSession } from "./end-user-session";
import { isLiveSession } from "./is-live-session";
import { startUserSession } from "./start-user-session";

const DAY = 86_400;

describe.each(inject("engines"))("user sessions on %s", (engine) => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase(engine);
  });
  afterAll(() => db.close());

  const twoSessions = async () => {
    const user = await createUser(db.prisma);
    const program = await createProgram(db.prisma);
    await addMember(db.prisma, program.id, user.id, "manager");
    const a = await startUserSession(db.prisma, user.id, DAY);
    const b = await startUserSession(db.prisma, user.id, DAY);
    return { user, program, a, b };
  };
  const live = (sid: string, userId: number) => isLiveSession(db.prisma, sid, userId);

  it("signing out ends that session only", async () => {
    const { user, a, b } = await twoSessions();
    expect(await live(a, user.id)).toBe(true);
    await endUserSession(db.prisma, a);
    expect(await live(a, user.id)).toBe(false);
    expect(await live(b, user.id)).toBe(true);
  });

  it("is the user's own: another user's id with it is no session", async () => {
    const { a } = await twoSessions();
    const other = await createUser(db.prisma);
    expect(await live(a, other.id)).toBe(false);
  });

  it("a password change ends every session of the user, not others'", async () => {
    const { user, a, b } = await twoSessions();
    const bystander = await twoSessions();
    await db.prisma.user.update({ where: { id: user.id }, data: { passwordHash: "scrypt$new" } });
    expect([await live(a, user.id), await live(b, user.id)]).toEqual([false, false]);
    expect(await live(bystander.a, bystander.user.id)).toBe(true);
    // Renaming is not a password change.
    const fresh = await startUserSession(db.prisma, user.id, DAY);
    await db.prisma.user.update({ where: { id: user.id }, data: { name: "Renamed" } });
    expect(await live(fresh, user.id)).toBe(true);
  });

  it("a new role or leaving a program ends every session of the member", async () => {
    const { user, program, a } = await twoSessions();
    await db.prisma.membership.update({
      where: { programId_userId: { programId: program.id, userId: user.id } },
      data: { role: "viewer" },
    });
    expect(await live(a, user.id)).toBe(false);
    const b = await startUserSession(db.prisma, user.id, DAY);
    await db.prisma.membership.delete({
      where: { programId_userId: { programId: program.id, userId: user.id } },
    });
    expect(await live(b, user.id)).toBe(false);
  });

  it("expires", async () => {
    const { user } = await twoSessions();
    const sid = await startUserSession(db.prisma, user.id, 1);
    await db.prisma.userSession.update({
      where: { id: sid },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    expect(await live(sid, user.id)).toBe(false);
  });
});
