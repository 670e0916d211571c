// What clients of other versions send: `external_key` for an action's key (PartnerStack's
// generated clients), fields this API does not know (ignored, named in `warnings` and the log),
// and bodies missing required fields ("<field> is required").
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { seedApiProgram } from "@/lib/testing/api-fixture";
import { callRoute } from "@/lib/testing/call-route";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/test-database";
import * as batchRoute from "../actions/batch/route";
import * as actionsRoute from "../actions/route";
import * as customerRoute from "../customers/[customer_key]/route";
import * as customersRoute from "../customers/route";
import * as partnershipRoute from "../partnerships/[partner_key]/route";
import * as partnershipsRoute from "../partnerships/route";

const signup = { target_key: "cus_1", target_type: "customer", type: "signup_completed" };

const ignored = (field: string, name = field) => ({
  code: "unknown_field",
  field,
  message: `unknown field "${name}" was ignored`,
});

type Fixture = Awaited<ReturnType<typeof seedApiProgram>>;
type Answer = ReturnType<typeof callRoute>;

describe.each(inject("engines"))("what other clients send, on %s", (engine) => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase(engine);
  });
  afterAll(() => db.close());

  /** Every write endpoint, called the same way. */
  const writes = (f: Fixture) => ({
    action: (body: unknown, headers?: Record<string, string>) =>
      callRoute(actionsRoute.POST.on(db), "POST", "/api/v2/actions", {
        auth: f.basic,
        body,
        headers,
      }),
    batch: (body: unknown) =>
      callRoute(batchRoute.POST.on(db), "POST", "/api/v2/actions/batch", { auth: f.basic, body }),
    createCustomer: (body: unknown) =>
      callRoute(customersRoute.POST.on(db), "POST", "/api/v2/customers", { auth: f.basic, body }),
    updateCustomer: (key: string, body: unknown) =>
      callRoute(customerRoute.PATCH.on(db), "PATCH", `/api/v2/customers/${key}`, {
        auth: f.basic,
        params: { customer_key: key },
        body,
      }),
    createPartnership: (body: unknown) =>
      callRoute(partnershipsRoute.POST.on(db), "POST", "/api/v2/partnerships", {
        auth: f.basic,
        body,
      }),
    updatePartnership: (key: string, body: unknown) =>
      callRoute(partnershipRoute.PATCH.on(db), "PATCH", `/api/v2/partnerships/${key}`, {
        auth: f.basic,
        params: { partner_key: key },
        body,
      }),
  });

  // Read with plain SQL, independent of the code under test.
  const stored = async (programId: number) => {
    const [row] = await db.prisma.$queryRaw<Record<string, string>[]>`SELECT
      (SELECT string_agg(key || ':' || value, ',' ORDER BY key) FROM actions WHERE program_id = ${programId}) AS actions,
      (SELECT count(*)::text FROM rewards WHERE program_id = ${programId}) AS rewards,
      (SELECT string_agg(customer_key || ':' || coalesce(name, '') || ':' || meta::text, ',' ORDER BY customer_key) FROM customers WHERE program_id = ${programId}) AS customers,
      (SELECT string_agg(partner_key || ':' || first_name || ':' || is_marketplace, ',' ORDER BY partner_key) FROM partnerships WHERE program_id = ${programId}) AS partnerships`;
    return row;
  };
  const lastLog = async (programId: number) =>
    db.prisma.ingestLog.findFirstOrThrow({ where: { programId }, orderBy: { id: "desc" } });

  it("takes external_key as the action's key: same idempotency, equal keys fine, different keys a 422 naming both", async () => {
    const f = await seedApiProgram(db.prisma);
    const w = writes(f);
    const first = await w.action({ ...signup, external_key: "ek-1" });
    expect(first.status).toBe(200);
    expect(first.json.data.key).toBe("ek-1");
    expect(first.json).not.toHaveProperty("warnings");

    // The same action under either name, or both: a replay of the stored one.
    for (const keys of [
      { external_key: "ek-1" },
      { key: "ek-1" },
      { key: "ek-1", external_key: "ek-1" },
    ]) {
      const retry = await w.action({ ...signup, ...keys });
      expect(retry.status, JSON.stringify(keys)).toBe(200);
      expect(retry.headers.get("idempotent-replayed")).toBe("true");
      expect(retry.json.data).toEqual(first.json.data);
    }
    const conflict = await w.action({ ...signup, external_key: "ek-1", value: 2 });
    expect(conflict.status).toBe(409);
    expect(conflict.json.errors).toEqual([
      { field: "key", message: expect.stringContaining("ek-1") },
    ]);
    const before = await stored(f.program.id);
    expect(before.actions).toBe("ek-1:1");

    const both = await w.action({ ...signup, key: "k-a", external_key: "k-b" });
    expect(both.status).toBe(422);
    expect(both.json.errors).toEqual([
      { field: "external_key", message: expect.stringMatching(/key "k-a" and external_key "k-b"/) },
    ]);
    expect(both.json.message).toMatch(/\bkey\b.*\bexternal_key\b/);
    const wrongType = await w.action({ ...signup, external_key: 42 });
    expect(wrongType.status).toBe(422);
    expect(wrongType.json.errors.map((e: { field: string }) => e.field)).toEqual(["external_key"]);
    expect(await stored(f.program.id)).toEqual(before);

    // Batch items the same way, each on its own.
    const batch = await w.batch({
      actions: [
        { ...signup, external_key: "ek-2" },
        { ...signup, key: "ek-3", external_key: "ek-3" },
        { ...signup, key: "ek-4", external_key: "ek-5" },
        { ...signup, external_key: "ek-1" },
      ],
    });
    expect(batch.status).toBe(200);
    const results = batch.json.data.results;
    expect(results.map((r: { status: number }) => r.status)).toEqual([200, 200, 422, 200]);
    expect(results.map((r: { data?: { key: string } }) => r.data?.key)).toEqual([
      "ek-2",
      "ek-3",
      undefined,
      "ek-1",
    ]);
    expect(results[2].errors).toEqual([
      {
        field: "actions.2.external_key",
        message: expect.stringMatching(/key "ek-4" and external_key "ek-5"/),
      },
    ]);
    expect(results[3].replayed).toBe(true);
    expect((await stored(f.program.id)).actions).toBe("ek-1:1,ek-2:1,ek-3:1");
  });

  it("accepts every write with unknown fields, ignores them and names them in warnings and the log", async () => {
    const f = await seedApiProgram(db.prisma);
    const w = writes(f);
    const id = f.program.id;

    const action = await w.action({ ...signup, key: "a-1", sdk_version: "9.9", meta: { a: 1 } });
    expect(action.status).toBe(200);
    expect(action.json.data).toMatchObject({ key: "a-1", type: "signup_completed", value: 1 });
    expect(action.json.warnings).toEqual([ignored("sdk_version"), ignored("meta")]);
    expect(await lastLog(id)).toMatchObject({
      status: 200,
      actionKey: "a-1",
      message: 'Recorded signup_completed (ignored unknown fields: "sdk_version", "meta")',
    });
    // A retry with other unknown fields is the same request: they are not part of it.
    const retry = await w.action({ ...signup, key: "a-1", other: true });
    expect(retry.headers.get("idempotent-replayed")).toBe("true");
    expect(retry.json.warnings).toEqual([ignored("other")]);

    const batch = await w.batch({
      sent_at: 1,
      actions: [
        { ...signup, key: "b-0", extra: 1 },
        { ...signup, key: "b-1" },
        { ...signup, key: "b-2", value: 0, extra: 2 },
      ],
    });
    expect(batch.status).toBe(200);
    const [r0, r1, r2] = batch.json.data.results;
    expect(r0).toMatchObject({ status: 200, warnings: [ignored("actions.0.extra", "extra")] });
    expect(r1).not.toHaveProperty("warnings");
    expect(r2).toMatchObject({
      status: 422,
      errors: [{ field: "actions.2.value" }],
      warnings: [ignored("actions.2.extra", "extra")],
    });
    expect(batch.json.warnings).toEqual([
      ignored("sent_at"),
      ignored("actions.0.extra", "extra"),
      ignored("actions.2.extra", "extra"),
    ]);
    expect((await lastLog(id)).message).toBe(
      'Batch: 2 accepted, 1 rejected (ignored unknown fields: "sent_at", "actions.0.extra", "actions.2.extra")',
    );

    const customer = await w.createCustomer({
      customer_key: "cus_new",
      partner_key: "ptn_alice",
      name: "New",
      provider_key: "stripe_1",
    });
    expect(customer.status).toBe(200);
    expect(customer.json.data).toMatchObject({ customer_key: "cus_new", name: "New", meta: {} });
    expect(customer.json.warnings).toEqual([ignored("provider_key")]);
    const renamed = await w.updateCustomer("cus_new", { name: "Renamed", provider_key: "x" });
    expect(renamed.status).toBe(200);
    expect(renamed.json.data.name).toBe("Renamed");
    expect(renamed.json.warnings).toEqual([ignored("provider_key")]);

    const partnership = await w.createPartnership({
      partner_key: "ptn_new",
      email: "new@partners.test",
      first_name: "New",
      last_name: "Partner",
      group: "affiliates",
      country: "CA",
    });
    expect(partnership.status).toBe(200);
    expect(partnership.json.warnings).toEqual([ignored("country")]);
    const moved = await w.updatePartnership("ptn_new", { is_marketplace: true, country: "US" });
    expect(moved.status).toBe(200);
    expect(moved.json.data.is_marketplace).toBe(true);
    expect(moved.json.warnings).toEqual([ignored("country")]);
    expect(await lastLog(id)).toMatchObject({
      status: 200,
      message: 'Updated partnership ptn_new (ignored unknown fields: "country")',
    });

    expect(await stored(id)).toEqual({
      actions: "a-1:1,b-0:1,b-1:1",
      rewards: "3",
      customers: "cus_1:cus_1:{},cus_2:cus_2:{},cus_new:Renamed:{}",
      partnerships: "ptn_alice:Pat:false,ptn_bob:Pat:false,ptn_new:New:true",
    });
  });

  it("still refuses known fields with wrong values, with the unknown ones as warnings, storing nothing", async () => {
    const f = await seedApiProgram(db.prisma);
    const w = writes(f);
    const before = await stored(f.program.id);
    const customer = { customer_key: "cus_x", partner_key: "ptn_alice" };
    const partnership = {
      partner_key: "ptn_x",
      email: "x@partners.test",
      first_name: "X",
      last_name: "Y",
      group: "affiliates",
    };
    const cases: [string, () => Answer, string][] = [
      ["action value as text", () => w.action({ ...signup, value: "3", extra: 1 }), "value"],
      ["action type as null", () => w.action({ ...signup, type: null, extra: 1 }), "type"],
      ["batch not a list", () => w.batch({ actions: "all", extra: 1 }), "actions"],
      ["customer meta", () => w.createCustomer({ ...customer, meta: "x", extra: 1 }), "meta"],
      ["customer name", () => w.updateCustomer("cus_1", { name: 5, extra: 1 }), "name"],
      [
        "partnership tags",
        () => w.createPartnership({ ...partnership, tags: "a", extra: 1 }),
        "tags",
      ],
      [
        "partnership flag",
        () => w.updatePartnership("ptn_alice", { is_marketplace: "yes", extra: 1 }),
        "is_marketplace",
      ],
      // Unknown fields change nothing, so they cannot be the one field a PATCH needs.
      ["only unknown fields", () => w.updateCustomer("cus_1", { extra: 1 }), "body"],
    ];
    for (const [name, call, field] of cases) {
      const res = await call();
      expect(res.status, name).toBe(422);
      expect(
        res.json.errors.map((e: { field: string }) => e.field),
        name,
      ).toEqual([field]);
      expect(res.json.errors[0].message, name).not.toMatch(/is required/);
      expect(res.json.warnings, name).toEqual([ignored("extra")]);
      expect((await lastLog(f.program.id)).message, name).toMatch(
        /\(ignored unknown fields: "extra"\)$/,
      );
    }
    expect(await stored(f.program.id)).toEqual(before);
  });

  it('says "<field> is required" for every missing required field of every write', async () => {
    const f = await seedApiProgram(db.prisma);
    const w = writes(f);
    const before = await stored(f.program.id);
    const required = (...fields: string[]) =>
      fields.map((field) => ({ field, message: `${field} is required` }));
    const cases: [string, () => Answer, unknown[]][] = [
      ["action", () => w.action({}), required("target_key", "target_type", "type")],
      ["batch", () => w.batch({}), required("actions")],
      ["customer", () => w.createCustomer({ name: "n" }), required("customer_key", "partner_key")],
      [
        "partnership",
        () => w.createPartnership({ partner_key: "p" }),
        // `group` may be left out: the program's default group is used.
        required("email", "first_name", "last_name"),
      ],
    ];
    for (const [name, call, errors] of cases) {
      const res = await call();
      expect(res.status, name).toBe(422);
      expect(res.json.errors, name).toEqual(errors);
      expect(res.json.message, name).toBe(
        `Invalid request: ${(errors as { message: string }[]).map((e) => e.message).join("; ")}`,
      );
    }
    const item = await w.batch({ actions: [{ ...signup, type: undefined }] });
    expect(item.json.data.results[0].errors).toEqual(required("actions.0.type"));
    expect(await stored(f.program.id)).toEqual(before);
  });
});
