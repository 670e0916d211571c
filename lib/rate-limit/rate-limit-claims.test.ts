import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { openDatabase, type OpenDatabase } from "../db/open";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/test-database";
import { claimSize, RateLimitClaims } from "./rate-limit-claims";
import type { RateLimit } from "./rate-limit-config";

const limit = (n: number): RateLimit => ({
  name: "RATE_LIMIT_API_KEY",
  limit: n,
  windowSeconds: 60,
});

// Two processes are two RateLimitClaims with their own connections (PostgreSQL: a second pool on
// the same database, as a second server process has; PGlite allows one opener, so the same one).
describe.each(inject("engines"))("rate limits counted in memory on %s", (engine) => {
  let db: TestDatabase;
  let second: OpenDatabase;
  beforeAll(async () => {
    db = await createTestDatabase(engine);
    second = db.url ? await openDatabase({ engine: "postgres", url: db.url }) : db;
  });
  afterAll(async () => {
    if (second !== db) await second.close();
    await db.close();
  });

  const storedHits = async () => {
    const rows = await db.prisma.$queryRaw<{ hits: number }[]>`SELECT hits FROM rate_limits`;
    return rows.reduce((sum, r) => sum + r.hits, 0);
  };
  const clear = () => db.prisma.$executeRaw`DELETE FROM rate_limits`;

  it("holds the limit across two processes sending at once: exactly the limit gets through", async () => {
    await clear();
    const ceiling = limit(300);
    const processes = [new RateLimitClaims(db.sql), new RateLimitClaims(second.sql)];
    // 400 requests to each process, 50 at a time on each, interleaved.
    let passed = 0;
    let refused = 0;
    for (let wave = 0; wave < 8; wave++) {
      const states = await Promise.all(
        Array.from({ length: 100 }, (_, i) => processes[i % 2].take(ceiling, "key-1")),
      );
      passed += states.filter((s) => !s.exceeded).length;
      refused += states.filter((s) => s.exceeded).length;
    }
    expect(passed).toBe(300);
    expect(refused).toBe(500);
  });

  it("counts in memory: a block is claimed from the database, not one row update per request", async () => {
    await clear();
    const ceiling = limit(1000);
    const process = new RateLimitClaims(db.sql);
    for (let i = 0; i < 10; i++)
      expect((await process.take(ceiling, "key-2")).exceeded).toBe(false);
    expect(claimSize(ceiling)).toBe(50);
    expect(await storedHits()).toBe(50);
  });

  it("refuses past the limit until the database's window ends, logging the first refusal", async () => {
    await clear();
    const ceiling = limit(4);
    const [a, b] = [new RateLimitClaims(db.sql), new RateLimitClaims(second.sql)];
    for (const p of [a, b, a, b]) expect((await p.take(ceiling, "key-3")).exceeded).toBe(false);
    const first = await a.take(ceiling, "key-3");
    expect(first).toMatchObject({ exceeded: true, firstRefusal: true });
    expect(first.retryAfterSeconds).toBeGreaterThanOrEqual(1);
    expect(await a.take(ceiling, "key-3")).toMatchObject({ exceeded: true, firstRefusal: false });
    expect((await b.take(ceiling, "key-3")).exceeded).toBe(true);
    await db.prisma.$executeRaw`UPDATE rate_limits SET window_end = now()`;
    expect((await a.take(ceiling, "key-3")).exceeded).toBe(false);
    expect((await b.take(ceiling, "key-3")).exceeded).toBe(false);
  });
});
