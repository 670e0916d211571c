import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../testing/test-database";
import { throttleSignIn } from "./throttle-sign-in";

const attempt = (email: string, address: string) =>
  new Request("http://localhost/api/auth/callback/credentials", {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", "x-forwarded-for": address },
    body: new URLSearchParams({ email, password: "whatever", json: "true" }),
  });

describe.each(inject("engines"))("sign-in throttling on %s", (engine) => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase(engine);
  });
  afterAll(() => db.close());
  afterEach(() => {
    delete process.env.RATE_LIMIT_SIGNIN_ACCOUNT;
    delete process.env.RATE_LIMIT_SIGNIN_ADDRESS;
  });

  // The password check itself is next-auth's; here it answers what a test tells it to.
  const checks: string[] = [];
  const answer = (status: number) => async () => {
    checks.push("checked");
    return new Response("{}", { status });
  };
  /** The status a sign-in attempt gets when the password check would answer `checked`. */
  const statusOf = async (email: string, address: string, checked: number) =>
    (await throttleSignIn(db.prisma, attempt(email, address), answer(checked))).status;

  it("locks an account after too many failures, the right password included, from any address", async () => {
    process.env.RATE_LIMIT_SIGNIN_ACCOUNT = "3/15m";
    checks.length = 0;
    for (let i = 0; i < 3; i++) {
      expect(await statusOf("Ann@x.test", `10.0.0.${i}`, 401)).toBe(401);
    }
    const locked = await throttleSignIn(
      db.prisma,
      attempt(" ann@x.test ", "10.0.1.1"),
      answer(200),
    );
    expect(locked.status).toBe(429);
    expect(Number(locked.headers.get("retry-after"))).toBeGreaterThan(14 * 60);
    expect(await locked.json()).toMatchObject({
      url: expect.stringContaining("error=TooManyAttempts"),
    });
    expect(checks).toHaveLength(3); // the locked attempt never reached the password check
    // Other accounts are unaffected.
    expect(await statusOf("bob@x.test", "10.0.1.1", 200)).toBe(200);
  });

  it("limits failures per address across accounts", async () => {
    process.env.RATE_LIMIT_SIGNIN_ADDRESS = "4/15m";
    for (let i = 0; i < 4; i++) {
      expect(await statusOf(`u${i}@y.test`, "192.0.2.9", 401)).toBe(401);
    }
    expect(await statusOf("new@y.test", "192.0.2.9", 200)).toBe(429);
    expect(await statusOf("new@y.test", "192.0.2.10", 200)).toBe(200);
  });

  it("forgets an account's failures after a success", async () => {
    process.env.RATE_LIMIT_SIGNIN_ACCOUNT = "2/15m";
    expect(await statusOf("cy@x.test", "10.9.0.1", 401)).toBe(401);
    expect(await statusOf("cy@x.test", "10.9.0.1", 200)).toBe(200);
    expect(await statusOf("cy@x.test", "10.9.0.1", 401)).toBe(401);
    expect(await statusOf("cy@x.test", "10.9.0.1", 200)).toBe(200);
  });
});
