import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { MAX_JSON_DEPTH } from "@/lib/validation/fields";
import { seedApiProgram } from "@/lib/testing/api-fixture";
import { callRoute } from "@/lib/testing/call-route";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/test-database";
import * as actionsRoute from "../actions/route";
import * as batchRoute from "../actions/batch/route";
import * as customerRoute from "../customers/[customer_key]/route";
import * as customersRoute from "../customers/route";
import * as partnershipRoute from "../partnerships/[partner_key]/route";
import * as partnershipsRoute from "../partnerships/route";

/** `{"a":{"a":…"x"…}}` with `levels` objects. */
const nestedObjects = (levels: number) => `${'{"a":'.repeat(levels)}"x"${"}".repeat(levels)}`;
const nestedArrays = (levels: number) => `${"[".repeat(levels)}1${"]".repeat(levels)}`;

// Text PostgreSQL cannot store as sent — NUL (refused) and unpaired surrogates (refused inside
// JSON, turned into U+FFFD in text) — and JSON nested deeper than any field needs (which made
// recursive code run out of stack) are 422s naming the field: never a 500, never stored altered.
describe.each(inject("engines"))("text and JSON the database cannot store, on %s", (engine) => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase(engine);
  });
  afterAll(() => db.close());

  const stored = async (programId: number) => ({
    customers: await db.prisma.customer.findMany({
      where: { programId },
      select: { customerKey: true, name: true, meta: true, updatedAt: true },
      orderBy: { id: "asc" },
    }),
    partnerships: await db.prisma.partnership.findMany({
      where: { programId },
      select: { partnerKey: true, firstName: true, updatedAt: true },
      orderBy: { id: "asc" },
    }),
    actions: await db.prisma.action.count({ where: { programId } }),
  });

  const customer = { customer_key: "cus_new", partner_key: "ptn_alice" };
  const partnership = {
    partner_key: "ptn_new",
    email: "new@partners.test",
    first_name: "New",
    last_name: "Partner",
    group: "affiliates",
  };
  const action = { target_key: "cus_1", target_type: "customer", type: "signup_completed" };

  it("refuses unpaired surrogates, NUL, huge numbers and deep nesting with a 422 naming the field", async () => {
    const f = await seedApiProgram(db.prisma);
    const before = await stored(f.program.id);
    type Case = [
      name: string,
      call: () => ReturnType<typeof callRoute>,
      field: string,
      message: RegExp,
    ];
    const post = (
      handler: typeof customersRoute.POST,
      path: string,
      rawBody: string,
    ): ReturnType<typeof callRoute> =>
      callRoute(handler.on(db), "POST", path, { auth: f.basic, rawBody });
    const postCustomer = (extra: string) =>
      post(
        customersRoute.POST,
        "/api/v2/customers",
        `{"customer_key":"cus_new","partner_key":"ptn_alice",${extra}}`,
      );
    const cases: Case[] = [
      [
        "meta string",
        () => postCustomer('"meta":{"foo":"\\ud800"}'),
        "meta.foo",
        /unpaired surrogate/,
      ],
      [
        "meta low half",
        () => postCustomer('"meta":{"a":["ok","x\\udfff"]}'),
        "meta.a.1",
        /unpaired surrogate/,
      ],
      [
        "meta key",
        () => postCustomer('"meta":{"b\\udc00":1}'),
        "meta.b\udc00",
        /key contains an unpaired surrogate/,
      ],
      ["meta NUL", () => postCustomer('"meta":{"a":{"b":"x\\u0000"}}'), "meta.a.b", /NUL/],
      [
        "meta NUL key",
        () => postCustomer('"meta":{"a\\u0000":1}'),
        "meta.a\u0000",
        /key must not contain NUL/,
      ],
      ["meta huge number", () => postCustomer('"meta":{"n":1e400}'), "meta.n", /too large/],
      [
        "meta __proto__",
        () => postCustomer('"meta":{"a":1,"__proto__":{"x":1}}'),
        "meta.__proto__",
        /not an allowed key/,
      ],
      ["body __proto__", () => postCustomer('"__proto__":{}'), "__proto__", /not an allowed key/],
      [
        `meta ${MAX_JSON_DEPTH + 1} levels`,
        () => postCustomer(`"meta":${nestedObjects(MAX_JSON_DEPTH + 1)}`),
        "meta.a",
        /nested more than 32 levels/,
      ],
      [
        "meta 5,000 levels",
        () => postCustomer(`"meta":${nestedObjects(5000)}`),
        "meta",
        /nested more than/,
      ],
      [
        "meta 100,000 levels",
        () => postCustomer(`"meta":{"a":${nestedArrays(100_000)}}`),
        "meta",
        /nested more than/,
      ],
      ["name", () => postCustomer('"name":"Ann\\ud83d"'), "name", /unpaired surrogate/],
      [
        "customer_key",
        () =>
          post(
            customersRoute.POST,
            "/api/v2/customers",
            '{"customer_key":"\\udfffcus","partner_key":"ptn_alice"}',
          ),
        "customer_key",
        /unpaired surrogate/,
      ],
      [
        "PATCH meta",
        () =>
          callRoute(customerRoute.PATCH.on(db), "PATCH", "/api/v2/customers/cus_1", {
            auth: f.basic,
            params: { customer_key: "cus_1" },
            rawBody: '{"meta":{"x":"\\ud800"}}',
          }),
        "meta.x",
        /unpaired surrogate/,
      ],
      [
        "partner_key",
        () =>
          post(
            partnershipsRoute.POST,
            "/api/v2/partnerships",
            JSON.stringify({ ...partnership, partner_key: "p\ud800" }),
          ),
        "partner_key",
        /unpaired surrogate/,
      ],
      [
        "first_name",
        () =>
          post(
            partnershipsRoute.POST,
            "/api/v2/partnerships",
            JSON.stringify({ ...partnership, first_name: "\udc00" }),
          ),
        "first_name",
        /unpaired surrogate/,
      ],
      [
        "tags",
        () =>
          post(
            partnershipsRoute.POST,
            "/api/v2/partnerships",
            JSON.stringify({ ...partnership, tags: ["ok", "a\u0000"] }),
          ),
        "tags.1",
        /NUL/,
      ],
      [
        "PATCH last_name",
        () =>
          callRoute(partnershipRoute.PATCH.on(db), "PATCH", "/api/v2/partnerships/ptn_alice", {
            auth: f.basic,
            params: { partner_key: "ptn_alice" },
            body: { last_name: "x\ud800y" },
          }),
        "last_name",
        /unpaired surrogate/,
      ],
      [
        "action key",
        () =>
          post(actionsRoute.POST, "/api/v2/actions", JSON.stringify({ ...action, key: "k\ud800" })),
        "key",
        /unpaired surrogate/,
      ],
      [
        "action target_key",
        () =>
          post(
            actionsRoute.POST,
            "/api/v2/actions",
            JSON.stringify({ ...action, target_key: "\udbff" }),
          ),
        "target_key",
        /unpaired surrogate/,
      ],
      [
        "deep unknown field",
        () => post(actionsRoute.POST, "/api/v2/actions", `{"extra":${nestedArrays(100_000)}}`),
        "extra",
        /nested more than/,
      ],
      [
        "deep batch",
        () => post(batchRoute.POST, "/api/v2/actions/batch", `{"actions":${nestedArrays(5000)}}`),
        "actions",
        /nested more than/,
      ],
    ];
    for (const [name, call, field, message] of cases) {
      const res = await call();
      expect(res.status, name).toBe(422);
      expect(res.json.errors, name).toEqual([{ field, message: expect.stringMatching(message) }]);
      expect(res.json.message, name).toContain(field);
    }

    // A batch refuses the bad record alone, naming it.
    const batch = await callRoute(batchRoute.POST.on(db), "POST", "/api/v2/actions/batch", {
      auth: f.basic,
      body: { actions: [{ ...action, key: "b\ud800" }] },
    });
    expect(batch.status).toBe(200);
    expect(batch.json.data.results[0]).toMatchObject({
      status: 422,
      errors: [{ field: "actions.0.key", message: expect.stringMatching(/unpaired surrogate/) }],
    });
    expect(await stored(f.program.id)).toEqual(before);
  });

  it("ignores an unknown field whose name the database cannot store, and logs it readably", async () => {
    const f = await seedApiProgram(db.prisma);
    // Unknown fields are ignored and named in the answer and the log; PGlite refuses
    // "\udfff\udfff" as invalid UTF-8, so the log quotes the name as JSON.
    const res = await callRoute(customersRoute.POST.on(db), "POST", "/api/v2/customers", {
      auth: f.basic,
      rawBody: '{"customer_key":"c","partner_key":"ptn_alice","x\\udfff\\udfff":1}',
    });
    expect(res.status).toBe(200);
    expect(res.json.warnings).toEqual([
      {
        code: "unknown_field",
        field: "x\udfff\udfff",
        message: 'unknown field "x\\udfff\\udfff" was ignored',
      },
    ]);
    const [log] = await db.prisma.ingestLog.findMany({ where: { programId: f.program.id } });
    expect(log).toMatchObject({
      status: 200,
      message: 'Created customer c (ignored unknown fields: "x\\udfff\\udfff")',
    });
  });

  it("stores what it can store exactly as sent: pairs, escaped-looking text, 32 levels", async () => {
    const f = await seedApiProgram(db.prisma);
    const meta = {
      emoji: "😀 \ud83d\ude00",
      looks_escaped: "\\u0000 and \\ud800 are text here",
      deep: JSON.parse(nestedObjects(MAX_JSON_DEPTH - 1)),
    };
    const res = await callRoute(customersRoute.POST.on(db), "POST", "/api/v2/customers", {
      auth: f.basic,
      body: { ...customer, name: "Zoë 👩‍💻", meta },
    });
    expect(res.status).toBe(200);
    expect(res.json.data).toMatchObject({ name: "Zoë 👩‍💻", meta });
    const row = await db.prisma.customer.findFirstOrThrow({
      where: { programId: f.program.id, customerKey: "cus_new" },
    });
    expect(row.meta).toEqual(meta);
  });
});
