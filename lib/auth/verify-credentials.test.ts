import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createUser } from "../testing/factories";
import { createTestDatabase, type TestDatabase } from "../testing/test-database";
import { NO_PASSWORD } from "../security/password";
import { verifyCredentials } from "./verify-credentials";

describe.each(inject("engines"))("sign-in credentials on %s", (engine) => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase(engine);
  });
  afterAll(() => db.close());

  it("accepts the right password, case-insensitively on the email", async () => {
    const user = await createUser(db.prisma, {
      email: "ana@example.test",
      password: "correct horse",
    });
    const signedIn = await verifyCredentials(db.prisma, {
      email: " ANA@example.test ",
      password: "correct horse",
    });
    expect(signedIn).toEqual({ id: String(user.id), email: "ana@example.test", name: user.name });
  });

  it("refuses a wrong password, an unknown email and malformed input", async () => {
    await createUser(db.prisma, { email: "ben@example.test", password: "right" });
    expect(
      await verifyCredentials(db.prisma, { email: "ben@example.test", password: "wrong" }),
    ).toBeNull();
    expect(
      await verifyCredentials(db.prisma, { email: "nobody@example.test", password: "right" }),
    ).toBeNull();
    expect(
      await verifyCredentials(db.prisma, { email: "not-an-email", password: "right" }),
    ).toBeNull();
    expect(await verifyCredentials(db.prisma, undefined)).toBeNull();
  });

  it("never stores the password itself", async () => {
    const user = await createUser(db.prisma, { password: "plain-text-secret" });
    const row = await db.prisma.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(row.passwordHash).not.toContain("plain-text-secret");
    expect(row.passwordHash.startsWith("scrypt$")).toBe(true);
  });

  it("never signs in an account made by single sign-on (no password) with a password", async () => {
    const user = await db.prisma.user.create({
      data: { email: "sso-only@example.test", name: "Sso Only", passwordHash: NO_PASSWORD },
    });
    for (const password of ["", " ", "x", NO_PASSWORD, "undefined", "null"]) {
      expect(
        await verifyCredentials(db.prisma, { email: user.email, password }),
        JSON.stringify(password),
      ).toBeNull();
    }
  });
});
