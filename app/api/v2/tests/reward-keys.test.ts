import { afterEach, describe, expect, inject, it } from "vitest";
import { applyMigrations } from "@/lib/db/migrations";
import { seedApiProgram } from "@/lib/testing/api-fixture";
import { callRoute } from "@/lib/testing/call-route";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/test-database";
import * as actionsRoute from "../actions/route";
import * as rewardsRoute from "../rewards/route";

const KEYS_MIGRATION = "20261126120000_reward_keys";

describe.each(inject("engines"))("reward keys on %s", (engine) => {
  let db: TestDatabase | undefined;
  afterEach(async () => {
    await db?.close();
    db = undefined;
  });

  const listKeys = async (auth: string, query = "") => {
    const answer = await callRoute(
      rewardsRoute.GET.on(db!),
      "GET",
      `/api/v2/rewards?limit=250${query}`,
      {
        auth,
      },
    );
    expect(answer.status).toBe(200);
    return answer.json.data.items.map((r: { key: string }) => r.key) as string[];
  };
  const signup = (auth: string, target_key: string) =>
    callRoute(actionsRoute.POST.on(db!), "POST", "/api/v2/actions", {
      auth,
      body: { target_key, target_type: "customer", type: "signup_completed" },
    });

  it("are random per reward, so one program cannot count another's rewards", async () => {
    db = await createTestDatabase(engine);
    const a = await seedApiProgram(db.prisma);
    const b = await seedApiProgram(db.prisma);
    for (const f of [a, b, a, b, a]) expect((await signup(f.basic, "cus_1")).status).toBe(200);

    const keysA = await listKeys(a.basic);
    const keysB = await listKeys(b.basic);
    expect(keysA).toHaveLength(3);
    expect(keysB).toHaveLength(2);
    for (const key of [...keysA, ...keysB]) expect(key).toMatch(/^rwd_[0-9a-f]{24}$/);
    const ids = await db.prisma.reward.findMany({ select: { id: true } });
    for (const { id } of ids) expect([...keysA, ...keysB]).not.toContain(`rwd_${id}`);
    expect(new Set([...keysA, ...keysB]).size).toBe(5);

    // A key is a cursor, and only in its own program.
    const after = await listKeys(a.basic, `&starting_after=${keysA[0]}`);
    expect(after).toEqual(keysA.slice(1));
    const foreign = await callRoute(
      rewardsRoute.GET.on(db),
      "GET",
      `/api/v2/rewards?starting_after=${keysB[0]}`,
      { auth: a.basic },
    );
    expect(foreign.status).toBe(404);
  });

  it("keep the rwd_<id> key of rewards made before the migration", async () => {
    db = await createTestDatabase(engine, { migrateBefore: KEYS_MIGRATION });
    const f = await seedApiProgram(db.prisma);
    const programId = f.program.id;
    const rule = await db.prisma.rewardRule.findFirstOrThrow({ where: { programId } });
    const customer = await db.prisma.customer.findFirstOrThrow({
      where: { programId },
      select: { id: true, partnershipId: true },
    });
    // Written as the old schema had it: rewards without a key column.
    const old = await db.withRunner(async (runner) => {
      const [action] = await runner.query<{ id: string }>(
        `INSERT INTO actions (program_id, key, action_type_id, value, target_type, partnership_id,
                              customer_id, occurred_at, request_hash)
         VALUES ($1, 'act_old', $2, 1, 'customer', $3, $4, now(), 'h') RETURNING id`,
        [programId, rule.actionTypeId, customer.partnershipId, customer.id],
      );
      const [reward] = await runner.query<{ id: string }>(
        `INSERT INTO rewards (program_id, partnership_id, action_id, rule_id, amount_cents, currency)
         VALUES ($1, $2, $3, $4, 500, 'USD') RETURNING id`,
        [programId, customer.partnershipId, action.id, rule.id],
      );
      return reward.id;
    });
    const applied = await db.withRunner((runner) => applyMigrations(runner));
    expect(applied).toContain(KEYS_MIGRATION);

    expect((await signup(f.basic, "cus_1")).status).toBe(200);
    const keys = await listKeys(f.basic);
    expect(keys).toHaveLength(2);
    expect(keys).toContain(`rwd_${old}`);
    const fresh = keys.find((k) => k !== `rwd_${old}`);
    expect(fresh).toMatch(/^rwd_[0-9a-f]{24}$/);
    const index = keys.indexOf(`rwd_${old}`);
    expect(await listKeys(f.basic, `&starting_after=rwd_${old}`)).toEqual(keys.slice(index + 1));
  });
});
