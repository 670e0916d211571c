import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { actionRequestHash } from "@/lib/ingest/request-hash";
import { seedBatchProgram } from "./batch-fixture";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/test-database";

const signup = { target_key: "cus_1", target_type: "customer", type: "signup_completed" } as const;

interface Result {
  status: number;
  replayed?: boolean;
  data?: { key: string };
}

describe.each(inject("engines"))("concurrent batches on %s", (engine) => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase(engine);
  });
  afterAll(() => db.close());

  const countsByKey = async (programId: number) => {
    const rows = await db.prisma.$queryRaw<{ key: string; actions: number; rewards: number }[]>`
      SELECT a.key, count(DISTINCT a.id)::int AS actions, count(w.id)::int AS rewards
      FROM actions a LEFT JOIN rewards w ON w.program_id = a.program_id AND w.action_id = a.id
      WHERE a.program_id = ${programId} GROUP BY a.key`;
    return new Map(rows.map((r) => [r.key, r]));
  };

  it("stores each shared key once and reports the other batch's copy as a replay or a conflict", async () => {
    const f = await seedBatchProgram(db);
    for (let round = 0; round < 3; round++) {
      const keys = (from: number, to: number) =>
        Array.from(
          { length: to - from },
          (_, i) => `r${round}-${String(from + i).padStart(3, "0")}`,
        );
      // B lists its keys backwards: the insert orders them, so the batches cannot deadlock.
      const a = keys(0, 60).map((key) => ({ ...signup, key }));
      const b = keys(30, 90)
        .reverse()
        .map((key) => ({ ...signup, key }));
      const c = keys(80, 100).map((key) => ({ ...signup, key, target_key: "cus_2" }));
      const responses = await Promise.all([a, b, c].map((batch) => f.postBatch(batch)));
      expect(responses.map((r) => r.status)).toEqual([200, 200, 200]);
      const [ra, rb, rc] = responses.map((r) => r.json.data.results as Result[]);
      const byKey = (batch: { key: string }[], results: Result[]) =>
        new Map(batch.map((record, i) => [record.key, results[i]]));
      const [inA, inB, inC] = [byKey(a, ra), byKey(b, rb), byKey(c, rc)];
      expect(ra.every((r) => r.status === 200)).toBe(true);
      for (const [key, r] of inB) {
        const fromA = inA.get(key);
        const fromC = inC.get(key);
        if (fromA) {
          // Exactly one of the two stored it; both answer with the same action.
          expect(r.status).toBe(200);
          expect([r.replayed, fromA.replayed].sort()).toEqual([false, true]);
          expect(r.data).toEqual(fromA.data);
        } else if (fromC) {
          // C sends these keys with another body: whichever came second is refused.
          expect([r.status, fromC.status].sort()).toEqual([200, 409]);
        } else {
          expect(r).toMatchObject({ status: 200, replayed: false });
        }
      }
      for (const key of keys(90, 100)) expect(inC.get(key)?.status).toBe(200);
      const counts = await countsByKey(f.program.id);
      for (const key of keys(0, 100)) {
        expect(counts.get(key), key).toEqual({ key, actions: 1, rewards: 1 });
      }
    }
  });

  // PGlite is one connection and cannot hold a competing transaction open: the server only.
  if (engine === "postgres")
    it("judges keys a concurrent writer stored while the batch waited at the unique index", async () => {
      const f = await seedBatchProgram(db);
      const [{ typeId, partnershipId, customerId }] = await db.prisma.$queryRaw<
        { typeId: number; partnershipId: number; customerId: number }[]
      >`SELECT t.id AS "typeId", c.partnership_id AS "partnershipId", c.id AS "customerId"
        FROM action_types t JOIN customers c ON c.program_id = t.program_id
        WHERE t.program_id = ${f.program.id} AND t.name = 'signup_completed'
          AND c.customer_key = 'cus_1'`;
      const held = { ...signup, value: 1 };
      const records = [
        { ...signup, key: "held-same" },
        { ...signup, key: "held-other", value: 2 },
        { ...signup, key: "held-other", value: 2 },
        { ...signup, key: "free" },
      ];
      const result = await db.withRunner(async (runner) => {
        await runner.exec("BEGIN");
        for (const key of ["held-same", "held-other"]) {
          await runner.query(
            `INSERT INTO actions (program_id, key, action_type_id, value, target_type,
               partnership_id, customer_id, occurred_at, request_hash)
             VALUES ($1, $2, $3, 1, 'customer', $4, $5, now(), $6)`,
            [
              f.program.id,
              key,
              typeId,
              partnershipId,
              customerId,
              actionRequestHash({ ...held, key }, false),
            ],
          );
        }
        const pending = f.postBatch(records);
        let waiting = 0;
        for (let i = 0; i < 200 && waiting === 0; i++) {
          await new Promise((resolve) => setTimeout(resolve, 25));
          [{ waiting }] = await db.prisma.$queryRaw<{ waiting: number }[]>`
            SELECT count(*)::int AS waiting FROM pg_stat_activity
            WHERE datname = current_database() AND wait_event_type = 'Lock'`;
        }
        await runner.exec("COMMIT");
        expect(waiting).toBe(1);
        return pending;
      });
      expect(result.status).toBe(200);
      const results = result.json.data.results as Result[];
      expect(results.map((r) => [r.status, r.replayed])).toEqual([
        [200, true],
        [409, undefined],
        [409, undefined],
        [200, false],
      ]);
      const counts = await countsByKey(f.program.id);
      expect([...counts.values()].sort((x, y) => (x.key < y.key ? -1 : 1))).toEqual([
        { key: "free", actions: 1, rewards: 1 },
        { key: "held-other", actions: 1, rewards: 0 },
        { key: "held-same", actions: 1, rewards: 0 },
      ]);
    });
});
