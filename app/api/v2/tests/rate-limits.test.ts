import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from "vitest";
import { seedApiProgram } from "@/lib/testing/api-fixture";
import { callRoute } from "@/lib/testing/call-route";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/test-database";
import * as actionsRoute from "../actions/route";

const basic = (publicKey: string, secret: string) =>
  `Basic ${Buffer.from(`${publicKey}:${secret}`).toString("base64")}`;

describe.each(inject("engines"))("API rate limits on %s", (engine) => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase(engine);
  });
  afterAll(() => db.close());
  afterEach(() => {
    delete process.env.RATE_LIMIT_API_WRONG_SECRET;
    delete process.env.RATE_LIMIT_API_KEY;
  });

  const list = (auth: string) =>
    callRoute(actionsRoute.GET.on(db), "GET", "/api/v2/actions?limit=1", { auth });
  const logRows = (programId: number, status: number) =>
    db.prisma.ingestLog.count({ where: { programId, status } });
  const endWindows = () => db.prisma.$executeRaw`UPDATE rate_limits SET window_end = now()`;

  it("answers wrong secrets 429 past the limit, logs them once, and never locks out the right secret", async () => {
    process.env.RATE_LIMIT_API_WRONG_SECRET = "3/1m";
    const f = await seedApiProgram(db.prisma);
    const other = await seedApiProgram(db.prisma);
    const wrong = basic(f.apiKey.publicKey, "sk_test_wrong");
    for (let i = 0; i < 3; i++) expect((await list(wrong)).status).toBe(401);

    const refused = await list(wrong);
    expect(refused.status).toBe(429);
    const retryAfter = Number(refused.headers.get("retry-after"));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(refused.json.message).toMatch(/Too many failed authentications.*Try again in \d+ s/);
    // Whoever knows the public key cannot lock the integration out.
    expect((await list(f.basic)).status).toBe(200);
    expect((await list(f.bearer)).status).toBe(200);
    expect((await list(wrong)).status).toBe(429);
    // Another key is not affected; the failures made one log entry, the refusals none.
    expect((await list(other.basic)).status).toBe(200);
    expect(await logRows(f.program.id, 401)).toBe(1);
    expect(await logRows(f.program.id, 429)).toBe(0);

    await endWindows();
    expect((await list(wrong)).status).toBe(401);
  });

  it("counts unknown public keys as well, so probing costs the same", async () => {
    process.env.RATE_LIMIT_API_WRONG_SECRET = "2/1m";
    const probe = basic("pk_test_000000000000000000000000", "sk_test_x");
    expect((await list(probe)).status).toBe(401);
    expect((await list(probe)).status).toBe(401);
    expect((await list(probe)).status).toBe(429);
  });

  it("limits requests per key with 429 and Retry-After, logging the first refusal only", async () => {
    process.env.RATE_LIMIT_API_KEY = "4/1m";
    const f = await seedApiProgram(db.prisma);
    for (let i = 0; i < 4; i++) expect((await list(f.basic)).status).toBe(200);
    const refused = await list(f.basic);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    expect(refused.json).toMatchObject({ status: 429 });
    expect((await list(f.bearer)).status).toBe(429);
    expect(await logRows(f.program.id, 429)).toBe(1);
    // Counted in the database: another process (here, the next window) starts from what is stored.
    const stored = await db.prisma.rateLimit.findMany();
    expect(stored.some((r) => r.hits === 6)).toBe(true);
    await endWindows();
    expect((await list(f.basic)).status).toBe(200);
  });
});
