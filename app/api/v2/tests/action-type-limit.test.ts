// Unbounded fan-out (issue 23): one batch of 1,000 new `type` values once made the any-time tab
// 267 MB of HTML. A program has at most ACTION_TYPES_PER_PROGRAM types; a record with a new type
// past that is refused naming its field, alone (the rest of the batch, and known types, go in),
// and concurrent batches cannot together pass the limit.
import { afterAll, afterEach, beforeAll, describe, expect, inject, it, vi } from "vitest";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/test-database";
import { seedBatchProgram } from "./batch-fixture";

type Result = { status: number; errors?: { field: string; message: string }[] };
const LIMIT = 8;

describe.each(inject("engines"))("action types per program on %s", (engine) => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase(engine);
  });
  afterAll(() => db.close());
  afterEach(() => vi.unstubAllEnvs());

  const record = (key: string, type: string) => ({
    key,
    type,
    target_key: "cus_1",
    target_type: "customer",
  });
  const typeCount = (programId: number) => db.prisma.actionType.count({ where: { programId } });

  it("refuses records with new types past the limit, each naming its type field", async () => {
    vi.stubEnv("ACTION_TYPES_PER_PROGRAM", String(LIMIT));
    const f = await seedBatchProgram(db);
    const before = await typeCount(f.program.id);
    const batch = Array.from({ length: 40 }, (_, i) => record(`k${i}`, `fan_${i % 20}`));
    batch.push(record("known", "big_sale"));
    const answer = await f.postBatch(batch);
    expect(answer.status).toBe(200);
    const results = answer.json.data.results as Result[];
    const room = LIMIT - before;
    // The first `room` new names (in request order) are created; every record of them goes in.
    const admitted = new Set(batch.slice(0, room).map((r) => r.type));
    batch.forEach((r, i) => {
      const expected = r.type === "big_sale" || admitted.has(r.type) ? 200 : 422;
      expect(results[i].status, r.key).toBe(expected);
      if (expected === 422) {
        expect(results[i].errors?.[0]).toMatchObject({
          field: expect.stringMatching(/(^|\.)type$/),
          message: expect.stringMatching(/already has 8 action types/),
        });
      }
    });
    expect(await typeCount(f.program.id)).toBe(LIMIT);
  });

  it("holds under concurrent batches", async () => {
    vi.stubEnv("ACTION_TYPES_PER_PROGRAM", String(LIMIT));
    const f = await seedBatchProgram(db);
    await Promise.all(
      [0, 1, 2, 3].map((b) =>
        f.postBatch(Array.from({ length: 10 }, (_, i) => record(`c${b}-${i}`, `race_${b}_${i}`))),
      ),
    );
    expect(await typeCount(f.program.id)).toBe(LIMIT);
  });
});
