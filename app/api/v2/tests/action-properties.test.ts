import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { loadPropertyOptions } from "@/lib/actions/load-property-options";
import { seedApiProgram } from "@/lib/testing/api-fixture";
import { callRoute } from "@/lib/testing/call-route";
import { storedCounts } from "@/lib/testing/stored-counts";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/test-database";
import * as actionsRoute from "../actions/route";
import * as batchRoute from "../actions/batch/route";

const signup = { target_key: "cus_1", target_type: "customer", type: "signup_completed" };

describe.each(inject("engines"))("action properties over the API on %s", (engine) => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase(engine);
  });
  afterAll(() => db.close());

  const post = (auth: string, body: unknown) =>
    callRoute(actionsRoute.POST.on(db), "POST", "/api/v2/actions", { auth, body });
  const batch = (auth: string, actions: unknown[]) =>
    callRoute(batchRoute.POST.on(db), "POST", "/api/v2/actions/batch", {
      auth,
      body: { actions },
    });
  const list = (auth: string) =>
    callRoute(actionsRoute.GET.on(db), "GET", "/api/v2/actions?limit=250", { auth });
  /** What PostgreSQL holds, read with plain SQL. */
  const storedProperties = async (programId: number) =>
    Object.fromEntries(
      (
        await db.prisma.$queryRaw<{ key: string; properties: unknown }[]>`
          SELECT key, properties FROM actions WHERE program_id = ${programId}`
      ).map((r) => [r.key, r.properties]),
    );

  it("keeps properties with the action, returns them on create and list, and {} when none were sent", async () => {
    const f = await seedApiProgram(db.prisma);
    const properties = { plan: "pro, annual: yes", seats: 5, ratio: 0.25, trial: false };
    const res = await post(f.basic, { ...signup, key: "p-1", properties });
    expect(res.status).toBe(200);
    expect(res.json.data.properties).toEqual(properties);
    const plain = await post(f.basic, { ...signup, key: "p-2" });
    expect(plain.json.data.properties).toEqual({});
    expect(await storedProperties(f.program.id)).toEqual({ "p-1": properties, "p-2": {} });
    const items = (await list(f.basic)).json.data.items as { key: string; properties: unknown }[];
    expect(Object.fromEntries(items.map((i) => [i.key, i.properties]))).toEqual({
      "p-1": properties,
      "p-2": {},
    });
  });

  it("makes properties part of the request: same key and properties replay, other properties conflict", async () => {
    const f = await seedApiProgram(db.prisma);
    const body = { ...signup, key: "once", properties: { plan: "pro", seats: 2 } };
    const first = await post(f.basic, body);
    // The order a client writes keys in is not part of the request.
    const retry = await post(f.basic, { ...body, properties: { seats: 2, plan: "pro" } });
    expect(retry.status).toBe(200);
    expect(retry.headers.get("idempotent-replayed")).toBe("true");
    expect(retry.json.data).toEqual(first.json.data);
    for (const other of [{ plan: "pro", seats: "2" }, { plan: "pro" }, undefined]) {
      const conflict = await post(f.basic, { ...body, properties: other });
      expect(conflict.status, JSON.stringify(other)).toBe(409);
    }
    // A body without properties replays one stored without them (hashes from before the field).
    await post(f.basic, { ...signup, key: "bare" });
    expect((await post(f.basic, { ...signup, key: "bare", properties: {} })).status).toBe(200);
    expect((await storedCounts(db.prisma, f.program.id)).actions).toBe(2);
  });

  const refusals: [string, unknown, string][] = [
    ["an array", ["plan"], "properties"],
    ["a string", "plan=pro", "properties"],
    ["null", null, "properties"],
    ["21 keys", Object.fromEntries([...Array(21)].map((_, i) => [`k${i}`, i])), "properties"],
    ["a key with a space", { "my plan": "pro" }, "properties.my plan"],
    ["a key of 65 characters", { ["k".repeat(65)]: 1 }, `properties.${"k".repeat(65)}`],
    ["an empty key", { "": 1 }, "properties"],
    ["a nested object", { plan: { name: "pro" } }, "properties.plan"],
    ["an array value", { plan: ["pro"] }, "properties.plan"],
    ["null value", { plan: null }, "properties.plan"],
    ["an empty text", { plan: "" }, "properties.plan"],
    ["a text of 257 characters", { plan: "x".repeat(257) }, "properties.plan"],
    ["a NUL", { plan: "p\u0000" }, "properties.plan"],
    ["an unpaired surrogate", { plan: "p\ud800" }, "properties.plan"],
    ["a number with an exponent", { big: 1e21 }, "properties.big"],
  ];

  it.each(refusals)(
    "refuses %s with a 422 naming the field, storing nothing",
    async (_, value, field) => {
      const f = await seedApiProgram(db.prisma);
      const before = await storedCounts(db.prisma, f.program.id);
      const res = await post(f.basic, { ...signup, properties: value });
      expect(res.status).toBe(422);
      expect(res.json.errors.map((e: { field: string }) => e.field)).toContain(field);
      const inBatch = await batch(f.basic, [
        { ...signup, key: "ok" },
        { ...signup, properties: value },
      ]);
      const results = inBatch.json.data.results;
      expect(results[1].status).toBe(422);
      expect(results[1].errors.map((e: { field: string }) => e.field)).toContain(
        `actions.1.${field}`,
      );
      // The batch keeps its valid record and nothing of the refused one.
      expect(await storedCounts(db.prisma, f.program.id)).toEqual({
        ...before,
        actions: before.actions + 1,
        rewards: before.rewards + 1,
      });
      expect(Object.values(await storedProperties(f.program.id))).toEqual([{}]);
    },
  );

  it("offers the program's property names with their most frequent values as the filter's choices", async () => {
    const f = await seedApiProgram(db.prisma);
    const plans = ["pro", "free", "pro", "team", "pro", "free"];
    const res = await batch(
      f.basic,
      plans.map((plan, i) => ({ ...signup, properties: i % 2 ? { plan } : { plan, seats: i } })),
    );
    expect(res.json.data.accepted).toBe(plans.length);
    expect(await loadPropertyOptions(db.prisma, f.program.id)).toEqual([
      { key: "plan", values: ["pro", "free", "team"] },
      { key: "seats", values: ["0", "2", "4"] },
    ]);
  });

  it("accepts 20 keys of 64 characters with 256-character texts, in a batch", async () => {
    const f = await seedApiProgram(db.prisma);
    const properties = Object.fromEntries(
      [...Array(20)].map((_, i) => [`${i}`.padStart(64, "k"), "v".repeat(256)]),
    );
    const res = await batch(f.basic, [{ ...signup, key: "full", properties }]);
    expect(res.json.data.results[0].status).toBe(200);
    expect(await storedProperties(f.program.id)).toEqual({ full: properties });
  });
});
