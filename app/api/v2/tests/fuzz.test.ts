// Fuzzer: malformed requests (lib/testing/fuzz-requests.ts) against the real route handlers over
// a real database. Whatever is sent: no 5xx; every 4xx is the JSON envelope and a 422 names its
// fields; warnings (ignored unknown fields) name only fields the body sent; a refused request
// leaves the program's data exactly as it was; what is accepted is stored as sent. Paths that do
// not percent-decode never reach a handler (Next decodes them first): they are answered by
// undecodablePathResponse, which this checks the same way.
//
// FUZZ_RUNS cases per database (default 1,000 split over the databases; `npm run check:fuzz`
// runs 10,000 on each). Deterministic: FC_SEED=<n> for another seed; a failure prints its seed
// and path (FC_PATH=<path> replays it).
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { undecodablePathResponse } from "@/lib/api/undecodable-path-response";
import { seedApiProgram } from "@/lib/testing/api-fixture";
import { callRoute } from "@/lib/testing/call-route";
import { fuzzRequest, PATH_PARAMETER, type FuzzRequest } from "@/lib/testing/fuzz-requests";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/test-database";
import * as catchAllRoute from "../[...path]/route";
import * as actionRoute from "../actions/[key]/route";
import * as batchRoute from "../actions/batch/route";
import * as actionsRoute from "../actions/route";
import * as customerRoute from "../customers/[customer_key]/route";
import * as customersRoute from "../customers/route";
import * as groupRoute from "../groups/[group_key]/route";
import * as groupsRoute from "../groups/route";
import * as partnershipRoute from "../partnerships/[partner_key]/route";
import * as partnershipsRoute from "../partnerships/route";
import * as rewardsRoute from "../rewards/route";
import * as tagRoute from "../tags/[tag_name]/route";
import * as tagsRoute from "../tags/route";

const engines = inject("engines");
const RUNS = Number(process.env.FUZZ_RUNS ?? Math.ceil(1000 / engines.length));
const SEED = Number(process.env.FC_SEED ?? 20261126);

type Handler = (
  request: Request,
  context: { params: Promise<never> },
) => Promise<Response> | Response;
type Route = Handler & { on?: (db: TestDatabase) => Handler };
const ROUTES: Record<FuzzRequest["endpoint"], [method: string, Route, path: string]> = {
  "create action": ["POST", actionsRoute.POST, "/api/v2/actions"],
  batch: ["POST", batchRoute.POST, "/api/v2/actions/batch"],
  "list actions": ["GET", actionsRoute.GET, "/api/v2/actions"],
  "archive action": ["DELETE", actionRoute.DELETE, "/api/v2/actions/"],
  "create customer": ["POST", customersRoute.POST, "/api/v2/customers"],
  "list customers": ["GET", customersRoute.GET, "/api/v2/customers"],
  "get customer": ["GET", customerRoute.GET, "/api/v2/customers/"],
  "update customer": ["PATCH", customerRoute.PATCH, "/api/v2/customers/"],
  "archive customer": ["DELETE", customerRoute.DELETE, "/api/v2/customers/"],
  "create partnership": ["POST", partnershipsRoute.POST, "/api/v2/partnerships"],
  "list partnerships": ["GET", partnershipsRoute.GET, "/api/v2/partnerships"],
  "get partnership": ["GET", partnershipRoute.GET, "/api/v2/partnerships/"],
  "update partnership": ["PATCH", partnershipRoute.PATCH, "/api/v2/partnerships/"],
  "list rewards": ["GET", rewardsRoute.GET, "/api/v2/rewards"],
  "list groups": ["GET", groupsRoute.GET, "/api/v2/groups"],
  "create group": ["POST", groupsRoute.POST, "/api/v2/groups"],
  "update group": ["PATCH", groupRoute.PATCH, "/api/v2/groups/"],
  "list tags": ["GET", tagsRoute.GET, "/api/v2/tags"],
  "create tag": ["POST", tagsRoute.POST, "/api/v2/tags"],
  "update tag": ["PATCH", tagRoute.PATCH, "/api/v2/tags/"],
  "unknown path": ["GET", catchAllRoute.GET, "/api/v2/"],
};

interface FieldError {
  field: string;
  message: string;
}

/** Every 4xx the same way: the envelope, and named fields wherever there are errors. */
function expectEnvelope(status: number, json: unknown, what: string) {
  expect(json, what).toMatchObject({ status, message: expect.any(String) });
  const errors = (json as { errors?: FieldError[] }).errors;
  if (status === 422) expect(errors?.length, `${what}: a 422 names its fields`).toBeGreaterThan(0);
  for (const error of errors ?? []) {
    expect(error.field, what).toEqual(expect.any(String));
    expect(error.field.length, what).toBeGreaterThan(0);
    expect(error.message, what).toEqual(expect.any(String));
  }
}

/** Top-level fields of a JSON object body, and of each item of its `actions` (`actions.<i>.<name>`). */
function sentFields(body: string | undefined): Set<string> {
  let value: unknown;
  try {
    value = JSON.parse(body ?? "");
  } catch {
    return new Set();
  }
  const keys = (v: unknown) => (v !== null && typeof v === "object" ? Object.keys(v) : []);
  const actions = (value as { actions?: unknown } | null)?.actions;
  const items = Array.isArray(actions) ? actions : [];
  return new Set([
    ...keys(value),
    ...items.flatMap((item, index) => keys(item).map((name) => `actions.${index}.${name}`)),
  ]);
}

/** Warnings, wherever an answer has them, only ever name fields the request sent. */
function expectWarningsOfSentFields(req: FuzzRequest, json: unknown, what: string) {
  const { warnings, data } = json as { warnings?: unknown[]; data?: { results?: unknown } };
  const results = Array.isArray(data?.results) ? (data.results as { warnings?: unknown[] }[]) : [];
  const all = [...(warnings ?? []), ...results.flatMap((r) => r.warnings ?? [])];
  if (all.length === 0) return;
  const sent = sentFields(req.body);
  for (const warning of all) {
    expect(warning, what).toEqual({
      code: "unknown_field",
      field: expect.any(String),
      message: expect.stringMatching(/^unknown field ".*" was ignored$/s),
    });
    expect(sent.has((warning as { field: string }).field), `${what}: warns of a sent field`).toBe(
      true,
    );
  }
}

/** The fields each write answers with as stored (read back from the database after the write). */
const STORED_FIELDS: Partial<Record<FuzzRequest["endpoint"], string[]>> = {
  "create action": ["key", "type", "value"],
  "create customer": ["customer_key", "partner_key", "email", "name", "meta"],
  "update customer": ["partner_key", "email", "name", "meta"],
  "create partnership": ["partner_key", "email", "first_name", "last_name", "is_marketplace"],
  "update partnership": ["email", "first_name", "last_name", "is_marketplace", "archived"],
  "create group": ["key", "name"],
  "update group": ["name", "archived"],
  "create tag": ["name"],
  "update tag": ["name", "archived"],
};

/** Accepted means stored as sent: each field reads back as sent (text trimmed), nothing lost. */
function expectStoredAsSent(
  req: FuzzRequest,
  data: Record<string, unknown>,
  fields: string[],
  what: string,
) {
  const sent = JSON.parse(req.body!) as Record<string, unknown>;
  for (const field of fields) {
    if (!(field in sent)) continue;
    const value = sent[field];
    const expected =
      typeof value === "string" ? value.trim() : JSON.parse(JSON.stringify(value ?? null));
    expect(data[field], `${what}: ${field} stored as sent`).toEqual(expected);
  }
}

describe.each(engines)("fuzzing the public API on %s", (engine) => {
  let db: TestDatabase;
  let f: Awaited<ReturnType<typeof seedApiProgram>>;
  const limits = {
    RATE_LIMIT_API_KEY: process.env.RATE_LIMIT_API_KEY,
    RATE_LIMIT_API_WRONG_SECRET: process.env.RATE_LIMIT_API_WRONG_SECRET,
  };

  beforeAll(async () => {
    db = await createTestDatabase(engine);
    // Rate limits are tested on their own; here every request should reach validation.
    process.env.RATE_LIMIT_API_KEY = "999999999/1h";
    process.env.RATE_LIMIT_API_WRONG_SECRET = "999999999/1h";
    f = await seedApiProgram(db.prisma);
    await db.prisma.tag.createMany({
      data: ["vip", "EMEA / North"].map((name) => ({ programId: f.program.id, name })),
    });
    for (const key of ["act-1", "act-2"]) {
      const res = await callRoute(actionsRoute.POST.on(db), "POST", "/api/v2/actions", {
        auth: f.basic,
        body: { key, target_key: "cus_2", target_type: "customer", type: "demo_booked" },
      });
      expect(res.status).toBe(200);
    }
  });
  afterAll(async () => {
    for (const [name, value] of Object.entries(limits)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
    await db.close();
  });

  /** Every row of the program's tables, hashed: any change to its data changes this. */
  async function fingerprint() {
    const id = f.program.id;
    const [row] = await db.prisma.$queryRaw<Record<string, unknown>[]>`SELECT
      (SELECT md5(coalesce(string_agg(t::text, ',' ORDER BY t::text), '')) FROM actions t WHERE t.program_id = ${id}) AS actions,
      (SELECT md5(coalesce(string_agg(t::text, ',' ORDER BY t::text), '')) FROM rewards t WHERE t.program_id = ${id}) AS rewards,
      (SELECT md5(coalesce(string_agg(t::text, ',' ORDER BY t::text), '')) FROM action_types t WHERE t.program_id = ${id}) AS action_types,
      (SELECT md5(coalesce(string_agg(t::text, ',' ORDER BY t::text), '')) FROM customers t WHERE t.program_id = ${id}) AS customers,
      (SELECT md5(coalesce(string_agg(t::text, ',' ORDER BY t::text), '')) FROM partnerships t WHERE t.program_id = ${id}) AS partnerships,
      (SELECT md5(coalesce(string_agg(t::text, ',' ORDER BY t::text), '')) FROM partnership_tags t WHERE t.program_id = ${id}) AS partnership_tags,
      (SELECT md5(coalesce(string_agg(t::text, ',' ORDER BY t::text), '')) FROM tags t WHERE t.program_id = ${id}) AS tags,
      (SELECT md5(coalesce(string_agg(t::text, ',' ORDER BY t::text), '')) FROM groups t WHERE t.program_id = ${id}) AS groups,
      (SELECT md5(coalesce(string_agg(t::text, ',' ORDER BY t::text), '')) FROM reward_rules t WHERE t.program_id = ${id}) AS reward_rules,
      (SELECT md5(coalesce(string_agg(t::text, ',' ORDER BY t::text), '')) FROM saved_views t WHERE t.program_id = ${id}) AS saved_views,
      (SELECT md5(coalesce(string_agg(t::text, ',' ORDER BY t::text), '')) FROM memberships t WHERE t.program_id = ${id}) AS memberships,
      (SELECT md5(coalesce(string_agg(t::text, ',' ORDER BY t::text), '')) FROM audit_events t WHERE t.program_id = ${id}) AS audit_events,
      (SELECT count(*)::text FROM analytics_outbox t WHERE t.program_id = ${id}) AS outbox,
      (SELECT string_agg(t.id || ':' || coalesce(t.revoked_at::text, ''), ',') FROM api_keys t WHERE t.program_id = ${id}) AS api_keys,
      (SELECT count(*)::int FROM ingest_logs t WHERE t.program_id = ${id}) AS logs`;
    const { logs, ...data } = row as Record<string, unknown>;
    return { data, logs: Number(logs) };
  }

  function authorization(req: FuzzRequest): string | undefined {
    switch (req.auth.kind) {
      case "basic":
        return f.basic;
      case "bearer":
        return f.bearer;
      case "wrong secret":
        return `Basic ${Buffer.from(`${f.apiKey.publicKey}:sk_wrong`).toString("base64")}`;
      case "none":
        return undefined;
      default:
        return req.auth.header;
    }
  }

  /** Sends a request as Next would: a path that does not decode never reaches the handler. */
  async function send(req: FuzzRequest) {
    const [method, handler, base] = ROUTES[req.endpoint];
    const path = `${base}${req.segment === undefined ? "" : `${req.segment}${req.endpoint === "unknown path" ? "/x" : ""}`}`;
    const url = req.query ? `${path}?${req.query}` : path;
    let params: Record<string, string | string[]> | undefined;
    if (req.segment !== undefined) {
      let decoded: string;
      try {
        decoded = decodeURIComponent(req.segment);
      } catch {
        const res = undecodablePathResponse(new URL(url, "http://localhost").pathname);
        expect(res, `${req.segment} does not decode: the proxy answers`).not.toBeNull();
        const answer = await res!.text();
        return { status: res!.status, json: JSON.parse(answer) as unknown, viaProxy: true };
      }
      const name = PATH_PARAMETER[req.endpoint] ?? "path";
      params = { [name]: name === "path" ? [decoded, "x"] : decoded };
    }
    // The catch-all answers 404 without the database; every other route runs over the test's.
    const res = await callRoute(handler.on?.(db) ?? handler, method, url, {
      auth: authorization(req),
      rawBody: req.body,
      contentType: req.body === undefined ? undefined : req.contentType,
      headers: req.idempotencyKey === undefined ? {} : { "Idempotency-Key": req.idempotencyKey },
      params: params as never,
    });
    return { ...res, viaProxy: false };
  }

  it(
    `answers ${RUNS} malformed requests without a 5xx, in the envelope, naming fields, storing nothing refused`,
    async () => {
      const statuses = new Map<number, number>();
      // The data before each request: what the last one left (a refused one changes nothing).
      let before = await fingerprint();
      await fc.assert(
        fc.asyncProperty(fuzzRequest, async (req) => {
          const res = await send(req);
          const what = `${req.endpoint} → ${res.status} ${JSON.stringify(res.json).slice(0, 300)}`;
          statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
          expect(res.status, what).toBeLessThan(500);
          if (res.viaProxy) {
            expect(res.status, what).toBe(400);
            const field = PATH_PARAMETER[req.endpoint] ?? "path";
            expect(res.json, what).toMatchObject({ errors: [{ field }] });
          }
          if (res.status >= 400) expectEnvelope(res.status, res.json, what);
          expectWarningsOfSentFields(req, res.json, what);
          const data = (res.json as { data?: Record<string, unknown> }).data;
          if (req.endpoint === "batch" && res.status === 200) {
            for (const result of data!.results as { status: number; errors?: FieldError[] }[]) {
              expect(result.status, what).toBeLessThan(500);
              if (result.status !== 200) expectEnvelope(result.status, result, what);
            }
          }
          const refused = res.status >= 400 || (req.endpoint === "batch" && data?.accepted === 0);
          const after = await fingerprint();
          if (refused) expect(after.data, `${what}: nothing stored`).toEqual(before.data);
          // A request to an endpoint with the program's key is logged once, whatever it held.
          const keyed = req.auth.kind === "basic" || req.auth.kind === "bearer";
          if (keyed && !res.viaProxy && req.endpoint !== "unknown path")
            expect(after.logs - before.logs, `${what}: logged`).toBe(1);
          before = after;
          if (res.status === 200 && STORED_FIELDS[req.endpoint]) {
            expectStoredAsSent(req, data!, STORED_FIELDS[req.endpoint]!, what);
          }
        }),
        { seed: SEED, numRuns: RUNS, path: process.env.FC_PATH, endOnFailure: true },
      );
      console.info(
        `${engine}: ${RUNS} requests, statuses ${JSON.stringify(Object.fromEntries([...statuses].sort()))}`,
      );
    },
    60_000 + RUNS * 200,
  );
});
