// The built server answers POST /api/v2/actions and /api/v2/actions/batch itself, before Next's
// request handling (lib/api/direct-routes.mjs). Its answers must be the ones Next gives for the
// same requests: the same status, headers and body, for accepted, replayed and refused requests.
// Two servers over one database, one with DIRECT_INGESTION=off (Next answers), take the same
// requests; an accepted action's own values (its key) are the only difference allowed.
import path from "node:path";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { seedApiProgram } from "../lib/testing/api-fixture";
import { freePort } from "../lib/testing/free-port";
import { createTestDatabase, type TestDatabase } from "../lib/testing/test-database";
import { startServer, type CheckServer } from "./check/server";

const postgres = inject("engines").includes("postgres");

// Differ per connection or per moment, not per answer; framing: the direct answer is sent whole
// with its length, Next's in chunks.
const VARYING = new Set([
  "date",
  "x-request-id",
  "connection",
  "keep-alive",
  "content-length",
  "transfer-encoding",
]);
// Next adds a Vary on its own router's request headers to every answer (for its page cache); an
// API answer is never one of its pages, so the direct answer leaves it out.
const NEXT_ROUTER_VARY =
  "rsc, next-router-state-tree, next-router-prefetch, next-router-segment-prefetch";

/** The answer with each recorded moment (`…_at`, milliseconds) replaced by a placeholder. */
function withoutMoments(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutMoments);
  if (value === null || typeof value !== "object") return value;
  return Object.fromEntries(
    Object.entries(value).map(([k, v]) => [
      k,
      k.endsWith("_at") && typeof v === "number" ? "<moment>" : withoutMoments(v),
    ]),
  );
}

interface Answer {
  status: number;
  headers: Record<string, string>;
  body: unknown;
}

describe.runIf(postgres)("the built server's own answers to the ingestion endpoints", () => {
  let db: TestDatabase;
  let work: string;
  let seeded: Awaited<ReturnType<typeof seedApiProgram>>;
  let direct: CheckServer;
  let viaNext: CheckServer;

  beforeAll(async () => {
    db = await createTestDatabase("postgres");
    seeded = await seedApiProgram(db.prisma);
    work = mkdtempSync(path.join(tmpdir(), "ab-direct-"));
    const start = async (name: string, env: Record<string, string>) =>
      (
        await startServer({
          port: await freePort(),
          database: { engine: "postgres", url: db.url! },
          log: path.join(work, `${name}.log`),
          authorization: seeded.basic,
          env: { DELIVERY_SCHEDULER: "off", PARTNERSTACK_WORKER: "off", ...env },
        })
      ).server;
    [direct, viaNext] = await Promise.all([
      start("direct", {}),
      start("next", { DIRECT_INGESTION: "off" }),
    ]);
  }, 180_000);
  afterAll(async () => {
    await Promise.all([direct, viaNext].map((s) => s?.kill().catch(() => {})));
    await db?.close();
    rmSync(work, { recursive: true, force: true });
  });

  async function send(server: CheckServer, path: string, init: RequestInit): Promise<Answer> {
    const response = await fetch(new URL(path, server.base), { ...init, redirect: "manual" });
    const text = await response.text();
    const headers: Record<string, string> = {};
    for (const [name, value] of response.headers) {
      if (VARYING.has(name) || (name === "vary" && value === NEXT_ROUTER_VARY)) continue;
      headers[name] = value;
    }
    let body: unknown = text;
    try {
      body = JSON.parse(text);
    } catch {
      // Not JSON: compared as text.
    }
    return { status: response.status, headers, body: withoutMoments(body) };
  }

  const json = (body: unknown, headers: Record<string, string> = {}): RequestInit => ({
    method: "POST",
    headers: { authorization: seeded.basic, "content-type": "application/json", ...headers },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
  const action = (key: string, extra: Record<string, unknown> = {}) => ({
    key,
    target_key: "cus_1",
    target_type: "customer",
    type: "signup_completed",
    ...extra,
  });

  // 1.5 MB of actions: over the API's body limit, under the server's own refusal at 2 MB.
  const big = { actions: Array.from({ length: 12_000 }, (_, i) => action(`big-${i}`)) };

  // Each case builds its request from a key prefix, so both servers record actions of their own.
  const CASES: [string, string, (prefix: string) => RequestInit][] = [
    ["an accepted action", "/api/v2/actions", (p) => json(action(`${p}-one`))],
    ["the same action again (replayed)", "/api/v2/actions", (p) => json(action(`${p}-one`))],
    [
      "the same key with another body",
      "/api/v2/actions",
      (p) => json(action(`${p}-one`, { value: 7 })),
    ],
    [
      "an unknown field (a warning)",
      "/api/v2/actions",
      (p) => json(action(`${p}-two`, { colour: "red" })),
    ],
    ["a missing type", "/api/v2/actions", (p) => json({ key: `${p}-three`, target_key: "cus_1" })],
    ["a body that is not JSON", "/api/v2/actions", () => json("{not json")],
    [
      "a form body",
      "/api/v2/actions",
      () => ({
        method: "POST",
        headers: {
          authorization: seeded.basic,
          "content-type": "application/x-www-form-urlencoded",
        },
        body: "key=x",
      }),
    ],
    [
      "no API key",
      "/api/v2/actions",
      (p) => ({ ...json(action(`${p}-four`)), headers: { "content-type": "application/json" } }),
    ],
    [
      "a batch, one accepted and one refused",
      "/api/v2/actions/batch",
      (p) => json({ actions: [action(`${p}-five`), { key: `${p}-six` }] }),
    ],
    ["an empty batch", "/api/v2/actions/batch", () => json({ actions: [] })],
    // Bodies the handler refuses before reading them whole: the connection must stay usable.
    ["a body over the API's 1 MB", "/api/v2/actions/batch", () => json(big)],
    [
      "a large body with a wrong key",
      "/api/v2/actions/batch",
      () => json(big, { authorization: `Bearer ${seeded.apiKey.secret.slice(0, -4)}zzzz` }),
    ],
    [
      "an Idempotency-Key header",
      "/api/v2/actions",
      (p) =>
        json(
          { target_key: "cus_1", target_type: "customer", type: "signup_completed" },
          { "idempotency-key": `${p}-idem` },
        ),
    ],
  ];

  it.each(CASES)("%s: the same answer as Next's", async (_name, path, request) => {
    const mine = await send(direct, path, request("d"));
    const next = await send(viaNext, path, request("n"));
    // The only differences allowed: each server's own key prefix, and when it recorded it.
    const asNext = JSON.parse(JSON.stringify(mine).replaceAll('"d-', '"n-'));
    expect(asNext).toEqual(next);
  });

  it("says so in the request's log line (and Next answered the other server's)", async () => {
    const logged = (server: CheckServer) =>
      readFileSync(server.log, "utf8")
        .split("\n")
        .filter((line) => line.startsWith("{"))
        .map((line) => JSON.parse(line) as Record<string, unknown>)
        .filter((line) => line.msg === "request" && line.method === "POST");
    for (const [server, handler] of [
      [direct, "direct"],
      [viaNext, undefined],
    ] as const) {
      const lines = logged(server);
      expect(lines.map((l) => l.route)).toContain("/api/v2/actions/batch");
      for (const line of lines) expect(line.handler, JSON.stringify(line)).toBe(handler);
    }
  });
});
