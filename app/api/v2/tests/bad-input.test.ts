import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { seedApiProgram } from "@/lib/testing/api-fixture";
import { callRoute, type CallOptions } from "@/lib/testing/call-route";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/test-database";
import * as actionsRoute from "../actions/route";
import * as actionRoute from "../actions/[key]/route";
import * as batchRoute from "../actions/batch/route";
import { revokeApiKey } from "@/lib/api-keys/revoke-api-key";

const valid = {
  key: "x-1",
  target_key: "cus_1",
  target_type: "customer",
  type: "signup_completed",
};

describe.each(inject("engines"))("bad input and access on %s", (engine) => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase(engine);
  });
  afterAll(() => db.close());

  const stored = async (programId: number) => ({
    actions: await db.prisma.action.count({ where: { programId } }),
    rewards: await db.prisma.reward.count({ where: { programId } }),
    types: await db.prisma.actionType.count({ where: { programId } }),
  });

  it("answers each class of bad request with its status, names the problem and stores nothing", async () => {
    const f = await seedApiProgram(db.prisma);
    const before = await stored(f.program.id);
    const post = (options: CallOptions<Record<string, never>>) =>
      callRoute(actionsRoute.POST.on(db), "POST", "/api/v2/actions", { auth: f.basic, ...options });

    const malformed = await post({ rawBody: '{"key": "x-1", ' });
    expect(malformed.status).toBe(400);
    expect(malformed.json.message).toMatch(/not valid JSON/);

    const empty = await post({ rawBody: "", contentType: "application/json" });
    expect(empty.status).toBe(400);

    const wrongType = await post({
      rawBody: "key=x-1",
      contentType: "application/x-www-form-urlencoded",
    });
    expect(wrongType.status).toBe(415);
    expect(wrongType.json.message).toMatch(/application\/json/);

    const huge = await post({ body: { ...valid, padding: "x".repeat(1024 * 1024) } });
    expect(huge.status).toBe(413);

    // An unknown field is not an error (other client versions send fields this one does not
    // know): the answer names it in `warnings`, and the errors are the known fields' own.
    const invalid = await post({
      body: { target_key: "", target_type: "robot", value: 0, extra: true },
    });
    expect(invalid.status).toBe(422);
    const fields = invalid.json.errors.map((e: { field: string }) => e.field).sort();
    expect(fields).toEqual(["target_key", "target_type", "type", "value"]);
    expect(invalid.json.errors.find((e: { field: string }) => e.field === "value").message).toMatch(
      /at least 1/,
    );
    expect(invalid.json.errors.find((e: { field: string }) => e.field === "type").message).toBe(
      "type is required",
    );
    expect(invalid.json.warnings).toEqual([
      { code: "unknown_field", field: "extra", message: 'unknown field "extra" was ignored' },
    ]);

    const fractional = await post({ body: { ...valid, value: 1.5 } });
    expect(fractional.status).toBe(422);
    expect(fractional.json.errors[0].field).toBe("value");

    const future = await post({ body: { ...valid, occurred_at: Date.now() + 10 * 60_000 } });
    expect(future.status).toBe(422);
    expect(future.json.errors).toEqual([
      { field: "occurred_at", message: expect.stringMatching(/future/) },
    ]);

    const badDate = await post({ body: { ...valid, occurred_at: "yesterday" } });
    expect(badDate.status).toBe(422);

    const unknownCustomer = await post({
      body: { ...valid, target_key: "cus_missing", type: "never_seen_type" },
    });
    expect(unknownCustomer.status).toBe(404);
    expect(unknownCustomer.json.message).toContain('"cus_missing"');
    expect(unknownCustomer.json.errors[0].field).toBe("target_key");

    const unknownPartner = await post({
      body: { ...valid, target_type: "partnership", target_key: "ptn_missing" },
    });
    expect(unknownPartner.status).toBe(404);

    const list = await callRoute(
      actionsRoute.GET.on(db),
      "GET",
      "/api/v2/actions?limit=0&order_by=type&colour=red",
      {
        auth: f.basic,
      },
    );
    expect(list.status).toBe(422);
    expect(list.json.errors.map((e: { field: string }) => e.field).sort()).toEqual([
      "colour",
      "limit",
      "order_by",
    ]);
    // A parameter the list does not have is named as such (not as "body").
    expect(list.json.errors).toContainEqual({
      field: "colour",
      message: 'unknown parameter "colour"',
    });
    const bothCursors = await callRoute(
      actionsRoute.GET.on(db),
      "GET",
      "/api/v2/actions?starting_after=a&ending_before=b",
      { auth: f.basic },
    );
    expect(bothCursors.status).toBe(422);
    expect(bothCursors.json.errors).toEqual([
      { field: "ending_before", message: expect.stringMatching(/mutually exclusive/) },
    ]);

    const unknownCursor = await callRoute(
      actionsRoute.GET.on(db),
      "GET",
      "/api/v2/actions?starting_after=ghost",
      { auth: f.basic },
    );
    expect(unknownCursor.status).toBe(404);
    expect(unknownCursor.json.errors[0].field).toBe("starting_after");

    for (const response of [malformed, wrongType, huge, invalid, future, unknownCustomer, list]) {
      expect(response.json).toMatchObject({ status: response.status, message: expect.any(String) });
    }
    expect(await stored(f.program.id)).toEqual(before);
  });

  it("refuses missing, wrong, malformed and revoked keys with 401", async () => {
    const f = await seedApiProgram(db.prisma);
    const get = (auth?: string) =>
      callRoute(actionsRoute.GET.on(db), "GET", "/api/v2/actions", { auth });
    expect((await get()).status).toBe(401);
    expect((await get()).json.message).toMatch(/Missing API key/);
    expect((await get("Basic !!!")).status).toBe(401);
    expect(
      (await get(`Basic ${Buffer.from(`${f.apiKey.publicKey}:wrong`).toString("base64")}`)).status,
    ).toBe(401);
    expect((await get("Bearer sk_test_nothing")).status).toBe(401);
    expect((await get(f.basic)).status).toBe(200);
    expect((await get(f.bearer)).status).toBe(200);

    // Revoked through the app, as the API keys page does: in force at once in this process (a
    // revocation elsewhere within API_KEY_CACHE_SECONDS: lib/api-keys/cached-api-keys.test.ts).
    await revokeApiKey(db.prisma, f.program.id, f.apiKey.id, { system: "test" });
    const revoked = await get(f.basic);
    expect(revoked.status).toBe(401);
    expect(revoked.json.message).toMatch(/revoked/);
  });

  it("keeps each program's key inside its own program", async () => {
    const a = await seedApiProgram(db.prisma);
    const b = await seedApiProgram(db.prisma);
    const inB = await callRoute(actionsRoute.POST.on(db), "POST", "/api/v2/actions", {
      auth: b.basic,
      body: { ...valid, key: "b-secret" },
    });
    expect(inB.status).toBe(200);

    const listA = await callRoute(actionsRoute.GET.on(db), "GET", "/api/v2/actions?limit=250", {
      auth: a.basic,
    });
    expect(listA.json.data).toMatchObject({ items: [], total: 0 });
    const peek = await callRoute(
      actionsRoute.GET.on(db),
      "GET",
      "/api/v2/actions?starting_after=b-secret",
      { auth: a.basic },
    );
    expect(peek.status).toBe(404);
    const archive = await callRoute(
      actionRoute.DELETE.on(db),
      "DELETE",
      "/api/v2/actions/b-secret",
      {
        auth: a.basic,
        params: { key: "b-secret" },
      },
    );
    expect(archive.status).toBe(404);
    const bAction = await db.prisma.action.findFirstOrThrow({
      where: { programId: b.program.id, key: "b-secret" },
    });
    expect(bAction.archivedAt).toBeNull();

    // Same key in A is a different action: keys are unique per program, not globally.
    const sameKeyInA = await callRoute(actionsRoute.POST.on(db), "POST", "/api/v2/actions", {
      auth: a.basic,
      body: { ...valid, key: "b-secret" },
    });
    expect(sameKeyInA.status).toBe(200);
  });

  it("records each batch item on its own and reports results in order", async () => {
    const f = await seedApiProgram(db.prisma);
    const res = await callRoute(batchRoute.POST.on(db), "POST", "/api/v2/actions/batch", {
      auth: f.basic,
      body: {
        actions: [
          { ...valid, key: "b-0" },
          { ...valid, key: "b-1", value: -1 },
          { ...valid, key: "b-2", target_key: "cus_missing" },
          { ...valid, key: "b-0" },
          { ...valid, key: "b-0", value: 5 },
          { ...valid, key: "b-5", target_key: "cus_2" },
        ],
      },
    });
    expect(res.status).toBe(200);
    expect(res.json.data.results.map((r: { status: number }) => r.status)).toEqual([
      200, 422, 404, 200, 409, 200,
    ]);
    expect(res.json.data.results[1].errors[0].field).toBe("actions.1.value");
    expect(res.json.data.results[3].replayed).toBe(true);
    expect(res.json.data).toMatchObject({ accepted: 3, rejected: 3 });
    const keys = (
      await db.prisma.action.findMany({
        where: { programId: f.program.id },
        orderBy: { key: "asc" },
      })
    ).map((a) => a.key);
    expect(keys).toEqual(["b-0", "b-5"]);

    const tooMany = await callRoute(batchRoute.POST.on(db), "POST", "/api/v2/actions/batch", {
      auth: f.basic,
      body: { actions: Array.from({ length: 1001 }, (_, i) => ({ ...valid, key: `many-${i}` })) },
    });
    expect(tooMany.status).toBe(422);
    expect(tooMany.json.errors[0]).toMatchObject({
      field: "actions",
      message: expect.stringMatching(/1000/),
    });
  });

  it("logs accepted and rejected requests under the key's program, newest first", async () => {
    const f = await seedApiProgram(db.prisma);
    await callRoute(actionsRoute.POST.on(db), "POST", "/api/v2/actions", {
      auth: f.basic,
      body: valid,
    });
    await callRoute(actionsRoute.POST.on(db), "POST", "/api/v2/actions", {
      auth: f.basic,
      body: { ...valid, key: "bad", value: 0 },
    });
    await callRoute(actionsRoute.GET.on(db), "GET", "/api/v2/actions", {
      auth: `Basic ${Buffer.from(`${f.apiKey.publicKey}:wrong`).toString("base64")}`,
    });
    const log = await db.prisma.ingestLog.findMany({
      where: { programId: f.program.id },
      orderBy: { id: "asc" },
    });
    expect(log.map((l) => [l.method, l.status, l.outcome])).toEqual([
      ["POST", 200, "accepted"],
      ["POST", 422, "rejected"],
      ["GET", 401, "rejected"],
    ]);
    expect(log[0].actionKey).toBe("x-1");
    expect(log[1].message).toMatch(/value/);
  });
});

describe.each(inject("engines"))("input the database could not store, on %s", (engine) => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase(engine);
  });
  afterAll(() => db.close());

  it("refuses NUL characters, impossible times, oversized keys and overflowing rewards with 422s, storing nothing", async () => {
    const f = await seedApiProgram(db.prisma);
    const actionType = await db.prisma.actionType.findFirstOrThrow({
      where: { programId: f.program.id, name: "signup_completed" },
    });
    await db.prisma.rewardRule.create({
      data: {
        programId: f.program.id,
        name: "Per unit",
        actionTypeId: actionType.id,
        amountCents: 100_000,
        multiplyByValue: true,
      },
    });
    const post = (body: unknown, headers?: Record<string, string>) =>
      callRoute(actionsRoute.POST.on(db), "POST", "/api/v2/actions", {
        auth: f.basic,
        body,
        headers,
      });
    const cases: [unknown, string, Record<string, string>?][] = [
      [{ ...valid, key: "nul\u0000key" }, "key"],
      [{ ...valid, occurred_at: 9e15 }, "occurred_at"],
      [{ ...valid, occurred_at: "0000-01-01T00:00:00Z" }, "occurred_at"],
      [{ ...valid, value: 2_000_000 }, "value"],
      [
        { target_key: "cus_1", target_type: "customer", type: "signup_completed" },
        "Idempotency-Key",
        { "Idempotency-Key": "k".repeat(3000) },
      ],
    ];
    for (const [body, field, headers] of cases) {
      const res = await post(body, headers);
      expect(res.status, field).toBe(422);
      expect(
        res.json.errors.map((e: { field: string }) => e.field),
        field,
      ).toEqual([field]);
    }
    const del = await callRoute(actionRoute.DELETE.on(db), "DELETE", "/api/v2/actions/x", {
      auth: f.basic,
      params: { key: "bad\u0000" },
    });
    expect(del.status).toBe(422);
    expect(await db.prisma.action.count({ where: { programId: f.program.id } })).toBe(0);
    expect(await db.prisma.reward.count({ where: { programId: f.program.id } })).toBe(0);
    expect(
      await db.prisma.ingestLog.count({ where: { programId: f.program.id, status: 422 } }),
    ).toBe(cases.length + 1);
  });

  it("refuses new actions for an archived partnership, directly or through its customers", async () => {
    const f = await seedApiProgram(db.prisma);
    await db.prisma.partnership.update({
      where: { programId_id: { programId: f.program.id, id: f.partnerships.alice.id } },
      data: { archivedAt: new Date() },
    });
    for (const body of [{ ...valid, target_type: "partnership", target_key: "ptn_alice" }, valid]) {
      const res = await callRoute(actionsRoute.POST.on(db), "POST", "/api/v2/actions", {
        auth: f.basic,
        body,
      });
      expect(res.status).toBe(422);
      expect(res.json.errors[0].message).toMatch(/ptn_alice" is archived/);
    }
    expect(await db.prisma.action.count({ where: { programId: f.program.id } })).toBe(0);
  });
});
