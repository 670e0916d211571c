import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { seedBatchProgram } from "./batch-fixture";
import { callRoute } from "@/lib/testing/call-route";
import { captureLog } from "@/lib/testing/capture-log";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/test-database";
import { storedCounts } from "@/lib/testing/stored-counts";
import * as actionsRoute from "../actions/route";

const signup = { target_key: "cus_1", target_type: "customer", type: "signup_completed" };

describe.each(inject("engines"))("batch ingestion on %s", (engine) => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase(engine);
  });
  afterAll(() => db.close());

  const stored = (programId: number) => storedCounts(db.prisma, programId);

  it("gives each record of a mixed batch its own result, in order, and stores exactly the accepted ones", async () => {
    const f = await seedBatchProgram(db);
    const post = (body: unknown) =>
      callRoute(actionsRoute.POST.on(db), "POST", "/api/v2/actions", { auth: f.basic, body });
    const pre = await post({ ...signup, key: "pre-1" });
    expect(pre.status).toBe(200);
    const before = await stored(f.program.id);

    const records = [
      { ...signup, key: "m-0" },
      { ...signup, key: "m-1", value: 0 },
      { ...signup, key: "m-2", target_key: "cus_missing", type: "ghost_type" },
      { ...signup, key: "m-3", target_type: "partnership", target_key: "ptn_archived" },
      { ...signup, key: "m-4", target_key: "cus_of_archived" },
      { ...signup, key: "m-5", target_key: "cus_archived" },
      { ...signup, key: "m-0" },
      { ...signup, key: "m-0", value: 2 },
      { ...signup, key: "pre-1" },
      { ...signup, key: "pre-1", target_key: "cus_2" },
      { target_key: "ptn_bob", target_type: "partnership", type: "fresh_type", value: 3 },
      { ...signup, key: "m-11", type: "big_sale", value: 30_000 },
      { ...signup, key: "m-12", target_key: "cus_missing" },
      { ...signup, key: "m-12", target_key: "cus_2", type: "demo_booked" },
      { ...signup, key: "m-12", target_key: "cus_2", type: "demo_booked" },
      { ...signup, key: "m-15", target_key: "cus_2", type: "big_sale", value: 2 },
    ];
    const res = await f.postBatch(records);
    expect(res.status).toBe(200);
    const results = res.json.data.results;
    expect(results.map((r: { index: number }) => r.index)).toEqual(records.map((_, i) => i));
    expect(results.map((r: { status: number }) => r.status)).toEqual([
      200, 422, 404, 422, 422, 404, 200, 409, 200, 409, 200, 422, 404, 200, 200, 200,
    ]);
    expect(res.json.data).toMatchObject({ accepted: 7, rejected: 9 });
    expect(results.map((r: { replayed?: boolean }) => r.replayed)).toEqual([
      false,
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
      true,
      undefined,
      true,
      undefined,
      false,
      undefined,
      undefined,
      false,
      true,
      false,
    ]);
    expect(results[1].errors[0].field).toBe("actions.1.value");
    expect(results[3].errors[0].message).toMatch(/"ptn_archived" is archived/);
    expect(results[4].errors[0].message).toMatch(/"ptn_archived" is archived/);
    expect(results[11].errors).toEqual([{ field: "value", message: expect.any(String) }]);
    expect(results[6].data).toEqual(results[0].data);
    expect(results[8].data).toEqual(pre.json.data);
    expect(results[14].data).toEqual(results[13].data);
    expect(results[10].data.key).toMatch(/^act_[0-9a-f]{24}$/);
    expect(results[13].data.reward_outcome.rules).toEqual([
      {
        rule_id: expect.any(Number),
        rule_name: "Reseller demo",
        outcome: "rewarded",
        amount: 2500,
      },
    ]);

    // A rejected record answers exactly what a single POST of the same body answers.
    for (const index of [2, 3, 4, 5, 7, 9, 11]) {
      const single = await post(records[index]);
      expect(single.status, `record ${index}`).toBe(results[index].status);
      expect(single.json.message, `record ${index}`).toBe(results[index].message);
      expect(single.json.errors, `record ${index}`).toEqual(results[index].errors);
    }

    const rows = await db.prisma.$queryRaw<{ key: string; reward_cents: number; sum: number }[]>`
      SELECT a.key, a.reward_cents, COALESCE(sum(w.amount_cents), 0)::int AS sum
      FROM actions a LEFT JOIN rewards w ON w.program_id = a.program_id AND w.action_id = a.id
      WHERE a.program_id = ${f.program.id} GROUP BY a.program_id, a.id`;
    rows.sort((a, b) => (a.key < b.key ? -1 : 1));
    expect(rows).toEqual([
      { key: results[10].data.key, reward_cents: 0, sum: 0 },
      { key: "m-0", reward_cents: 500, sum: 500 },
      { key: "m-12", reward_cents: 2500, sum: 2500 },
      { key: "m-15", reward_cents: 200_000, sum: 200_000 },
      { key: "pre-1", reward_cents: 500, sum: 500 },
    ]);
    expect(await stored(f.program.id)).toEqual({
      actions: before.actions + 4,
      rewards: before.rewards + 3,
      types: before.types + 1,
    });
    const names = await db.prisma.$queryRaw<{ name: string }[]>`
      SELECT name FROM action_types WHERE program_id = ${f.program.id}
        AND name IN ('fresh_type', 'ghost_type')`;
    expect(names).toEqual([{ name: "fresh_type" }]);
  });

  it("stores nothing of a batch that fails mid-transaction, so a batch without keys can be retried", async () => {
    const f = await seedBatchProgram(db);
    const records = [
      signup,
      { ...signup, target_key: "cus_2", type: "doomed_type" },
      { ...signup, target_type: "partnership", target_key: "ptn_bob", type: "demo_booked" },
    ];
    const before = await stored(f.program.id);
    await db.prisma.$executeRawUnsafe(`CREATE FUNCTION test_fail_rewards() RETURNS trigger
      LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'injected failure'; END $$`);
    await db.prisma.$executeRawUnsafe(`CREATE TRIGGER test_fail_rewards BEFORE INSERT ON rewards
      FOR EACH ROW EXECUTE FUNCTION test_fail_rewards()`);
    const log = captureLog();
    try {
      const failed = await f.postBatch(records);
      expect(failed.status).toBe(500);
      expect(log.lines).toContainEqual(
        expect.objectContaining({ level: 50, msg: "Unexpected API error" }),
      );
    } finally {
      log.undo();
      await db.prisma.$executeRawUnsafe(`DROP TRIGGER test_fail_rewards ON rewards`);
      await db.prisma.$executeRawUnsafe(`DROP FUNCTION test_fail_rewards()`);
    }
    // The new type was created before the failing statement: it went with the rest.
    expect(await stored(f.program.id)).toEqual(before);

    const retried = await f.postBatch(records);
    expect(retried.json.data).toMatchObject({ accepted: 3, rejected: 0 });
    expect(await stored(f.program.id)).toEqual({
      actions: before.actions + 3,
      rewards: before.rewards + 2,
      types: before.types + 1,
    });
  });
});
