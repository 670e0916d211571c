import { describe, expect, it } from "vitest";
import { hashPassword, NO_PASSWORD, verifyPassword } from "./password";

describe("password hashing", () => {
  it("verifies the original password and nothing else", async () => {
    const hash = await hashPassword("s3cret!");
    expect(await verifyPassword("s3cret!", hash)).toBe(true);
    expect(await verifyPassword("s3cret", hash)).toBe(false);
    expect(await verifyPassword("s3cret!", "garbage")).toBe(false);
  });

  it("salts every hash", async () => {
    expect(await hashPassword("same")).not.toBe(await hashPassword("same"));
  });

  it("accepts no password at all for an account without one (single sign-on)", async () => {
    for (const attempt of ["", " ", "null", "scrypt$", NO_PASSWORD]) {
      expect(await verifyPassword(attempt, NO_PASSWORD), JSON.stringify(attempt)).toBe(false);
    }
  });
});
