// The sign-in limit against every way round it an outside probe found: a JSON body, a form with
// two `email` fields, a new X-Forwarded-For per try, and simultaneous tries. The password check is
// next-auth's credentials callback as it reads a body (its own `getBody`) over the real
// verifyCredentials and the test's users; it answers as next-auth does (a session cookie on success).
import { createRequire } from "node:module";
import path from "node:path";
import type { NextRequest } from "next/server";
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from "vitest";
import { PEER_HEADER } from "../security/client-address";
import { createUser } from "../testing/factories";
import { createTestDatabase, type TestDatabase } from "../testing/test-database";
import { signInWithLimits } from "./sign-in-with-limits";
import { verifyCredentials } from "./verify-credentials";

// next-auth's own body reader (not in its package exports, so loaded by path).
const { getBody } = createRequire(import.meta.url)(
  path.resolve("node_modules/next-auth/next/utils.js"),
) as { getBody(request: Request): Promise<Record<string, unknown> | undefined> };

const URL_ = "http://localhost/api/auth/callback/credentials";

function form(fields: [string, string][], headers: Record<string, string> = {}) {
  return new Request(URL_, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", ...headers },
    body: new URLSearchParams(fields).toString(),
  });
}
function json(body: unknown, headers: Record<string, string> = {}) {
  return new Request(URL_, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify(body),
  });
}
const peer = (address: string) => ({ [PEER_HEADER]: address });

describe.each(inject("engines"))("sign-in limits on %s", (engine) => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase(engine);
  });
  afterAll(() => db.close());
  afterEach(() => {
    delete process.env.RATE_LIMIT_SIGNIN_ACCOUNT;
    delete process.env.RATE_LIMIT_SIGNIN_ADDRESS;
    delete process.env.TRUST_PROXY;
  });

  /** Which emails the password check was asked about, in order. */
  const checked: string[] = [];
  const check = async (request: NextRequest) => {
    const body = await getBody(request);
    checked.push(String(body?.email));
    const user = await verifyCredentials(db.prisma, body);
    return user
      ? new Response("{}", {
          status: 200,
          headers: { "set-cookie": "next-auth.session-token=signed; Path=/; HttpOnly" },
        })
      : new Response(JSON.stringify({ url: "/signin?error=CredentialsSignin" }), { status: 401 });
  };
  const send = (request: Request) => signInWithLimits(db.prisma, request, check);

  it("counts a JSON body like a form: the eleventh try is refused unchecked", async () => {
    const user = await createUser(db.prisma);
    for (let i = 0; i < 10; i++) {
      const r = await send(
        json({ email: user.email, password: `wrong-${i}` }, peer(`10.1.0.${i}`)),
      );
      expect(r.status).toBe(401);
    }
    checked.length = 0;
    const locked = await send(
      json({ email: user.email, password: user.password }, peer("10.1.1.1")),
    );
    expect(locked.status).toBe(429);
    expect(Number(locked.headers.get("retry-after"))).toBeGreaterThan(14 * 60);
    expect(checked).toEqual([]);
    // A form for the same account, spelled differently, is the same account.
    const form429 = await send(
      form(
        [
          ["email", ` ${user.email.toUpperCase()} `],
          ["password", user.password],
        ],
        peer("10.1.1.2"),
      ),
    );
    expect(form429.status).toBe(429);
  });

  it("refuses a form with a field twice, naming it, before counting or checking", async () => {
    const victim = await createUser(db.prisma);
    const decoy = await createUser(db.prisma);
    checked.length = 0;
    for (const fields of [
      [
        ["email", decoy.email],
        ["email", victim.email],
        ["password", "guess"],
      ],
      [
        ["email", victim.email],
        ["password", "a"],
        ["password", "b"],
      ],
    ] as [string, string][][]) {
      const r = await send(form(fields, peer("10.2.0.1")));
      expect(r.status).toBe(400);
      expect(await r.json()).toMatchObject({ field: fields[1][0] });
    }
    expect(checked).toEqual([]);
    // JSON fields that are not text are refused the same way.
    const r = await send(
      json({ email: [decoy.email, victim.email], password: "x" }, peer("10.2.0.1")),
    );
    expect(r.status).toBe(400);
    expect(await r.json()).toMatchObject({ field: "email" });
  });

  it("checks exactly the account it counted", async () => {
    const user = await createUser(db.prisma);
    checked.length = 0;
    await send(
      form(
        [
          ["email", ` ${user.email} `],
          ["password", "nope"],
        ],
        peer("10.3.0.1"),
      ),
    );
    await send(json({ email: user.email, password: "nope", json: "true" }, peer("10.3.0.1")));
    expect(checked).toEqual([` ${user.email} `, user.email]);
  });

  it("refuses bodies that are neither form nor JSON, and oversized ones", async () => {
    const other = new Request(URL_, {
      method: "POST",
      headers: { "content-type": "text/plain" },
      body: "email=a",
    });
    expect((await send(other)).status).toBe(415);
    const big = form([
      ["email", "a@b.test"],
      ["password", "x".repeat(20_000)],
    ]);
    expect((await send(big)).status).toBe(413);
  });

  it("counts the connection's address, not a forwarded one the client chose", async () => {
    process.env.RATE_LIMIT_SIGNIN_ADDRESS = "5/15m";
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) {
      const r = await send(
        form(
          [
            ["email", `nobody-${i}@x.test`],
            ["password", "x"],
          ],
          {
            ...peer("192.0.2.44"),
            "x-forwarded-for": `198.51.100.${i}`,
          },
        ),
      );
      statuses.push(r.status);
    }
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429]);
  });

  it("behind TRUST_PROXY=1, counts the address the proxy saw, not what the client prepended", async () => {
    process.env.RATE_LIMIT_SIGNIN_ADDRESS = "3/15m";
    process.env.TRUST_PROXY = "1";
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) {
      // The proxy (the peer, 10.0.0.2) appends the address it saw, 203.0.113.9.
      const r = await send(
        form(
          [
            ["email", `nobody-${i}@y.test`],
            ["password", "x"],
          ],
          {
            ...peer("10.0.0.2"),
            "x-forwarded-for": `198.51.100.${i}, 203.0.113.9`,
          },
        ),
      );
      statuses.push(r.status);
    }
    expect(statuses).toEqual([401, 401, 401, 429]);
  });

  it("lets exactly the limit through when twenty wrong tries arrive at once", async () => {
    const user = await createUser(db.prisma);
    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        send(
          form(
            [
              ["email", user.email],
              ["password", `wrong-${i}`],
            ],
            peer(`10.4.0.${i}`),
          ),
        ),
      ),
    );
    const statuses = answers.map((r) => r.status).sort();
    expect(statuses.filter((s) => s === 401)).toHaveLength(10);
    expect(statuses.filter((s) => s === 429)).toHaveLength(10);
  });

  it("forgets an account's failures after a success, and a success costs its address nothing", async () => {
    process.env.RATE_LIMIT_SIGNIN_ACCOUNT = "2/15m";
    // Two failures and this address's next try is its third: it passes only if the five successes
    // in between were taken back.
    process.env.RATE_LIMIT_SIGNIN_ADDRESS = "3/15m";
    const user = await createUser(db.prisma);
    const attempt = (password: string) =>
      send(
        form(
          [
            ["email", user.email],
            ["password", password],
          ],
          peer("10.5.0.1"),
        ),
      );
    expect((await attempt("wrong")).status).toBe(401);
    for (let i = 0; i < 5; i++) expect((await attempt(user.password)).status).toBe(200);
    expect((await attempt("wrong")).status).toBe(401);
    expect((await attempt(user.password)).status).toBe(200);
  });
});
