import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { MAX_BATCH } from "@/lib/schemas/actions";
import { seedBatchProgram } from "./batch-fixture";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/test-database";

interface RuleSpec {
  type: string;
  amount: number;
  multiply?: boolean;
  min?: number;
  group?: "affiliates" | "resellers";
  active?: boolean;
}

// The fixture's rules (signup_completed, demo_booked) plus one of each kind.
const RULES: RuleSpec[] = [
  { type: "signup_completed", amount: 500 },
  { type: "demo_booked", amount: 2500, group: "resellers" },
  { type: "t_flat", amount: 700 },
  { type: "t_multi", amount: 150, multiply: true, min: 2 },
  { type: "t_group", amount: 900, group: "resellers" },
  { type: "t_group", amount: 5000, active: false },
  { type: "t_two", amount: 100 },
  { type: "t_two", amount: 30, multiply: true },
];
const TYPES = [...new Set(RULES.map((r) => r.type)), "t_none"];
const TARGETS = [
  { target_type: "partnership", target_key: "ptn_alice", group: "affiliates" },
  { target_type: "partnership", target_key: "ptn_bob", group: "resellers" },
  { target_type: "customer", target_key: "cus_1", group: "affiliates" },
  { target_type: "customer", target_key: "cus_2", group: "resellers" },
] as const;

/** What the rules should pay, written out here rather than taken from the code under test. */
function expectedReward(type: string, value: number, group: string): number[] {
  return RULES.filter(
    (r) =>
      r.type === type &&
      r.active !== false &&
      (r.min === undefined || value >= r.min) &&
      (r.group === undefined || r.group === group),
  ).map((r) => (r.multiply ? r.amount * value : r.amount));
}

describe.each(inject("engines"))("batch rewards on %s", (engine) => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase(engine);
  });
  afterAll(() => db.close());

  it("pays each action of a full batch what its rules say, in actions and in rewards", async () => {
    const f = await seedBatchProgram(db);
    const programId = f.program.id;
    for (const rule of RULES.slice(2)) {
      const type = await db.prisma.actionType.upsert({
        where: { programId_name: { programId, name: rule.type } },
        create: { programId, name: rule.type },
        update: {},
      });
      await db.prisma.rewardRule.create({
        data: {
          programId,
          name: `${rule.type} ${rule.amount}`,
          actionTypeId: type.id,
          amountCents: rule.amount,
          multiplyByValue: rule.multiply ?? false,
          minValue: rule.min ?? null,
          groupId: rule.group ? f.groups[rule.group].id : null,
          active: rule.active ?? true,
        },
      });
    }
    const records = Array.from({ length: MAX_BATCH }, (_, i) => {
      const { group, ...target } = TARGETS[(i * 7) % TARGETS.length];
      const record = { key: `rw-${i}`, type: TYPES[i % TYPES.length], value: 1 + ((i * 13) % 5) };
      return { record: { ...record, ...target }, group };
    });
    const res = await f.postBatch(records.map((r) => r.record));
    expect(res.json.data).toMatchObject({ accepted: MAX_BATCH, rejected: 0 });

    const rows = await db.prisma.$queryRaw<
      { key: string; reward_cents: number; amounts: number[] | null }[]
    >`SELECT a.key, a.reward_cents,
             array_agg(w.amount_cents ORDER BY w.amount_cents) FILTER (WHERE w.id IS NOT NULL) AS amounts
      FROM actions a LEFT JOIN rewards w ON w.program_id = a.program_id AND w.action_id = a.id
      WHERE a.program_id = ${programId} GROUP BY a.program_id, a.id`;
    const byKey = new Map(rows.map((r) => [r.key, r]));
    expect(byKey.size).toBe(MAX_BATCH);
    let rewarded = 0;
    for (const [i, { record, group }] of records.entries()) {
      const expected = expectedReward(record.type, record.value, group).sort((a, b) => a - b);
      const total = expected.reduce((sum, amount) => sum + amount, 0);
      const row = byKey.get(record.key)!;
      expect({ cents: row.reward_cents, amounts: row.amounts ?? [] }, record.key).toEqual({
        cents: total,
        amounts: expected,
      });
      const answered = res.json.data.results[i].data.reward_outcome.rules as { amount: number }[];
      expect(answered.reduce((sum, r) => sum + (r.amount ?? 0), 0)).toBe(total);
      if (total > 0) rewarded++;
    }
    expect(rewarded).toBeGreaterThan(MAX_BATCH / 3);

    const [{ mismatched }] = await db.prisma.$queryRaw<{ mismatched: number }[]>`
      SELECT count(*)::int AS mismatched FROM rewards w
      JOIN actions a ON a.program_id = w.program_id AND a.id = w.action_id
      WHERE w.program_id = ${programId}
        AND (w.partnership_id <> a.partnership_id OR w.currency <> 'USD' OR w.status <> 'pending')`;
    expect(mismatched).toBe(0);
  });
});
