import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { seedApiProgram } from "@/lib/testing/api-fixture";
import { callRoute } from "@/lib/testing/call-route";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/test-database";
import * as actionsRoute from "../actions/route";
import * as actionRoute from "../actions/[key]/route";

describe.each(inject("engines"))("actions API on %s", (engine) => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase(engine);
  });
  afterAll(() => db.close());

  const post = (auth: string, body: unknown, headers?: Record<string, string>) =>
    callRoute(actionsRoute.POST.on(db), "POST", "/api/v2/actions", { auth, body, headers });
  const list = (auth: string, query = "") =>
    callRoute(actionsRoute.GET.on(db), "GET", `/api/v2/actions${query}`, { auth });
  const counts = async (programId: number) => ({
    actions: await db.prisma.action.count({ where: { programId } }),
    rewards: await db.prisma.reward.count({ where: { programId } }),
  });

  it("records a customer action, resolves its partnership and rewards it in the same call", async () => {
    const f = await seedApiProgram(db.prisma);
    const res = await post(f.basic, {
      key: "a-1",
      target_key: "cus_1",
      target_type: "customer",
      type: "signup_completed",
    });
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({
      status: 200,
      data: {
        key: "a-1",
        type: "signup_completed",
        value: 1,
        partnership_key: "ptn_alice",
        archived: false,
        customer: { key: "cus_1", email: "cus_1@customers.test" },
      },
    });
    expect(typeof res.json.data.created_at).toBe("number");
    expect(Math.abs(res.json.data.created_at - Date.now())).toBeLessThan(60_000);
    expect(res.json.data.reward_outcome).toMatchObject({
      kind: "rewarded",
      rules: [{ rule_name: "Signup bounty", outcome: "rewarded", amount: 500 }],
    });
    const rewards = await db.prisma.reward.findMany({ where: { programId: f.program.id } });
    expect(rewards.map((r) => [r.amountCents, r.partnershipId, r.currency])).toEqual([
      [500, f.partnerships.alice.id, "USD"],
    ]);
  });

  it("records a partnership action with a generated key, a value and a backfilled event time", async () => {
    const f = await seedApiProgram(db.prisma);
    const occurred = Date.UTC(2026, 0, 15, 12);
    const res = await post(f.bearer, {
      target_key: "ptn_bob",
      target_type: "partnership",
      type: "webinar_hosted",
      value: 3,
      occurred_at: new Date(occurred).toISOString(),
    });
    expect(res.status).toBe(200);
    expect(res.json.data.key).toMatch(/^act_[0-9a-f]{24}$/);
    expect(res.json.data).toMatchObject({
      value: 3,
      customer: null,
      occurred_at: occurred,
      partnership_key: "ptn_bob",
    });
    expect(res.json.data.reward_outcome).toEqual({
      kind: "no_reward",
      reason: "no_rule_for_type",
      rules: [],
    });
  });

  it("explains why a rule scoped to another group made no reward", async () => {
    const f = await seedApiProgram(db.prisma);
    const res = await post(f.basic, {
      target_key: "cus_1",
      target_type: "customer",
      type: "demo_booked",
    });
    expect(res.json.data.reward_outcome).toMatchObject({
      kind: "no_reward",
      reason: "no_rule_matched",
      rules: [{ rule_name: "Reseller demo", outcome: "outside_group", amount: null }],
    });
    expect((await counts(f.program.id)).rewards).toBe(0);
  });

  it("pages forwards and backwards through a filtered list, newest first, with the filtered total", async () => {
    const f = await seedApiProgram(db.prisma);
    const keys: string[] = [];
    for (let i = 0; i < 7; i++) {
      const type = i % 3 === 0 ? "demo_booked" : "signup_completed";
      const res = await post(f.basic, {
        key: `k${i}`,
        target_key: i % 2 ? "cus_2" : "cus_1",
        target_type: "customer",
        type,
      });
      expect(res.status).toBe(200);
      keys.push(`k${i}`);
    }
    const newestFirst = [...keys].reverse();
    const seen: string[] = [];
    let after: string | undefined;
    for (;;) {
      const res = await list(f.basic, `?limit=3${after ? `&starting_after=${after}` : ""}`);
      expect(res.status).toBe(200);
      expect(res.json.data.total).toBe(7);
      seen.push(...res.json.data.items.map((i: { key: string }) => i.key));
      if (!res.json.data.has_more) break;
      after = seen[seen.length - 1];
    }
    expect(seen).toEqual(newestFirst);

    const back = await list(f.basic, `?limit=2&ending_before=${newestFirst[4]}`);
    expect(back.json.data.items.map((i: { key: string }) => i.key)).toEqual(
      newestFirst.slice(2, 4),
    );
    expect(back.json.data.has_more).toBe(true);

    const oldestFirst = await list(f.basic, "?order_by=created_at&limit=250");
    expect(oldestFirst.json.data.items.map((i: { key: string }) => i.key)).toEqual(keys);

    const demos = await list(f.basic, "?action_type=demo_booked&limit=250");
    expect(demos.json.data.items.map((i: { key: string }) => i.key)).toEqual(["k6", "k3", "k0"]);
    expect(demos.json.data.total).toBe(3);
    const bobs = await list(f.basic, "?partnership_key=ptn_bob&limit=250");
    expect(bobs.json.data.items.map((i: { key: string }) => i.key)).toEqual(["k5", "k3", "k1"]);

    const firstCreated = (
      await db.prisma.action.findFirstOrThrow({ where: { programId: f.program.id, key: "k4" } })
    ).createdAt.getTime();
    const recent = await list(f.basic, `?min_created=${firstCreated}&limit=250`);
    expect(recent.json.data.items.map((i: { key: string }) => i.key)).toEqual(["k6", "k5", "k4"]);
  });

  it("archives an action and its rewards; archiving again changes nothing", async () => {
    const f = await seedApiProgram(db.prisma);
    await post(f.basic, {
      key: "gone",
      target_key: "cus_1",
      target_type: "customer",
      type: "signup_completed",
    });
    const del = () =>
      callRoute(actionRoute.DELETE.on(db), "DELETE", "/api/v2/actions/gone", {
        auth: f.basic,
        params: { key: "gone" },
      });
    const first = await del();
    expect(first.status).toBe(200);
    expect(first.json.data).toMatchObject({ key: "gone", archived: true });
    const rewards = await db.prisma.reward.findMany({ where: { programId: f.program.id } });
    expect(rewards).toHaveLength(1);
    expect(rewards[0].archivedAt).not.toBeNull();
    const second = await del();
    expect(second.status).toBe(200);
    expect(second.json.data.updated_at).toBe(first.json.data.updated_at);
    const missing = await callRoute(actionRoute.DELETE.on(db), "DELETE", "/api/v2/actions/nope", {
      auth: f.basic,
      params: { key: "nope" },
    });
    expect(missing.status).toBe(404);
    expect(missing.json.message).toContain('"nope"');
  });

  it("treats a retry with the same key and body as the same action, and a different body as a conflict", async () => {
    const f = await seedApiProgram(db.prisma);
    const body = {
      key: "once",
      target_key: "cus_1",
      target_type: "customer",
      type: "signup_completed",
    };
    const first = await post(f.basic, body);
    const retry = await post(f.basic, body);
    expect(retry.status).toBe(200);
    expect(retry.headers.get("idempotent-replayed")).toBe("true");
    expect(retry.json.data).toEqual(first.json.data);
    const conflict = await post(f.basic, { ...body, value: 2 });
    expect(conflict.status).toBe(409);
    expect(conflict.json.errors).toEqual([
      { field: "key", message: expect.stringContaining("once") },
    ]);
    expect(await counts(f.program.id)).toEqual({ actions: 1, rewards: 1 });

    const header = { "Idempotency-Key": "idem-1" };
    const h1 = await post(
      f.basic,
      { target_key: "cus_2", target_type: "customer", type: "signup_completed" },
      header,
    );
    const h2 = await post(
      f.basic,
      { target_key: "cus_2", target_type: "customer", type: "signup_completed" },
      header,
    );
    expect(h1.json.data.key).toBe("idem-1");
    expect(h2.json.data).toEqual(h1.json.data);
    expect(await counts(f.program.id)).toEqual({ actions: 2, rewards: 2 });
  });

  it("ends concurrent duplicates with exactly one action and one reward", async () => {
    const f = await seedApiProgram(db.prisma);
    const body = {
      key: "race",
      target_key: "cus_1",
      target_type: "customer",
      type: "signup_completed",
    };
    const results = await Promise.all(Array.from({ length: 8 }, () => post(f.basic, body)));
    expect(results.map((r) => r.status)).toEqual(Array(8).fill(200));
    expect(new Set(results.map((r) => r.json.data.created_at)).size).toBe(1);
    expect(await counts(f.program.id)).toEqual({ actions: 1, rewards: 1 });
  });

  it("creates a new action type once when its first actions arrive together", async () => {
    const f = await seedApiProgram(db.prisma);
    const results = await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        post(f.basic, {
          key: `new-${i}`,
          target_key: "ptn_alice",
          target_type: "partnership",
          type: "brand_new_type",
        }),
      ),
    );
    expect(results.map((r) => r.status)).toEqual(Array(6).fill(200));
    expect(
      await db.prisma.actionType.count({
        where: { programId: f.program.id, name: "brand_new_type" },
      }),
    ).toBe(1);
    expect((await counts(f.program.id)).actions).toBe(6);
  });
});
