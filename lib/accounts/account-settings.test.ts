// The account page's rules (issue 24): a new email needs the current password and must be unused;
// a new password needs the current one, passes the policy and ends every session; "sign out
// everywhere" ends them all.
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { verifyCredentials } from "../auth/verify-credentials";
import { startUserSession } from "../auth/start-user-session";
import { isLiveSession } from "../auth/is-live-session";
import { createUser } from "../testing/factories";
import { createTestDatabase, type TestDatabase } from "../testing/test-database";
import { changePassword } from "./change-password";
import { endAllSessions } from "./end-all-sessions";
import { updateProfile } from "./update-profile";

const unique = () => Math.random().toString(36).slice(2, 8);

describe.each(inject("engines"))("account settings on %s", (engine) => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase(engine);
  });
  afterAll(() => db.close());

  it("renames freely; a new email needs the current password and an unused address", async () => {
    const user = await createUser(db.prisma, { password: "a-first-password-of-mine" });
    const other = await createUser(db.prisma);
    expect(
      await updateProfile(db.prisma, user.id, {
        name: "Renamed",
        email: user.email,
        currentPassword: "",
      }),
    ).toEqual({ ok: true, message: "Saved." });
    const email = `moved-${unique()}@example.test`;
    expect(
      await updateProfile(db.prisma, user.id, { name: "Renamed", email, currentPassword: "" }),
    ).toMatchObject({ ok: false, field: "currentPassword" });
    expect(
      await updateProfile(db.prisma, user.id, { name: "Renamed", email, currentPassword: "wrong" }),
    ).toMatchObject({
      ok: false,
      field: "currentPassword",
      message: expect.stringContaining("not your current password"),
    });
    expect(
      await updateProfile(db.prisma, user.id, {
        name: "Renamed",
        email: other.email,
        currentPassword: user.password,
      }),
    ).toMatchObject({ ok: false, field: "email" });
    expect(
      await updateProfile(db.prisma, user.id, {
        name: "Renamed",
        email,
        currentPassword: user.password,
      }),
    ).toMatchObject({ ok: true });
    expect(await db.prisma.user.findUniqueOrThrow({ where: { id: user.id } })).toMatchObject({
      name: "Renamed",
      email,
    });
    expect(await verifyCredentials(db.prisma, { email, password: user.password })).not.toBeNull();
  });

  it("changes the password with the current one, by the policy, ending every session", async () => {
    const user = await createUser(db.prisma);
    const sessions = [
      await startUserSession(db.prisma, user.id, 3600),
      await startUserSession(db.prisma, user.id, 3600),
    ];
    expect(
      await changePassword(db.prisma, user.id, {
        currentPassword: "nope",
        password: "lunar-cactus-ribbon-12",
      }),
    ).toMatchObject({ ok: false, field: "currentPassword" });
    expect(
      await changePassword(db.prisma, user.id, {
        currentPassword: user.password,
        password: "password",
      }),
    ).toMatchObject({ ok: false, field: "password" });
    for (const s of sessions) expect(await isLiveSession(db.prisma, s, user.id)).toBe(true);
    expect(
      await changePassword(db.prisma, user.id, {
        currentPassword: user.password,
        password: "lunar-cactus-ribbon-12",
      }),
    ).toMatchObject({ ok: true });
    for (const s of sessions) expect(await isLiveSession(db.prisma, s, user.id)).toBe(false);
    expect(
      await verifyCredentials(db.prisma, { email: user.email, password: "lunar-cactus-ribbon-12" }),
    ).not.toBeNull();
  });

  it("signs out everywhere, and only that account", async () => {
    const user = await createUser(db.prisma);
    const other = await createUser(db.prisma);
    const mine = [
      await startUserSession(db.prisma, user.id, 3600),
      await startUserSession(db.prisma, user.id, 3600),
    ];
    const theirs = await startUserSession(db.prisma, other.id, 3600);
    expect(await endAllSessions(db.prisma, user.id)).toBe(2);
    for (const s of mine) expect(await isLiveSession(db.prisma, s, user.id)).toBe(false);
    expect(await isLiveSession(db.prisma, theirs, other.id)).toBe(true);
  });
});
