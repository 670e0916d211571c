import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { seedApiProgram } from "@/lib/testing/api-fixture";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/test-database";
import { authenticateApiKey } from "./authenticate-api-key";
import { API_KEY_CACHE_SECONDS } from "./cached-api-keys";
import { revokeApiKey } from "./revoke-api-key";

const WINDOW_MS = API_KEY_CACHE_SECONDS * 1000;

// API keys are read through a cache of API_KEY_CACHE_SECONDS: a revocation made elsewhere (another
// process, or by hand in the database) takes effect within that time; one made through this
// process's own code at once. Time is passed in, never waited for.
describe.each(inject("engines"))("cached API keys on %s", (engine) => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase(engine);
  });
  afterAll(() => db.close());

  const request = (authorization: string) =>
    new Request("http://localhost/api/v2/actions", { headers: { authorization } });
  const auth = (authorization: string, now: number) =>
    authenticateApiKey(db, request(authorization), now);
  const revokeElsewhere = (id: number, programId: number) =>
    db.prisma.$executeRaw`UPDATE api_keys SET revoked_at = now()
      WHERE program_id = ${programId} AND id = ${id}`;

  it("keeps accepting a key revoked elsewhere until the cache window ends, then refuses it", async () => {
    const f = await seedApiProgram(db.prisma);
    const t0 = 1_000_000_000_000;
    expect((await auth(f.basic, t0)).ok).toBe(true);
    await revokeElsewhere(f.apiKey.id, f.program.id);

    expect((await auth(f.basic, t0 + WINDOW_MS - 1)).ok).toBe(true);
    const after = await auth(f.basic, t0 + WINDOW_MS);
    expect(after).toMatchObject({ ok: false, programId: f.program.id });
    expect(after.ok ? "" : after.error.message).toBe("This API key has been revoked.");
  });

  it("refuses a key revoked through the app in this process at once", async () => {
    const f = await seedApiProgram(db.prisma);
    const t0 = 2_000_000_000_000;
    expect((await auth(f.bearer, t0)).ok).toBe(true);
    const actor = { system: "test" };
    expect(await revokeApiKey(db.prisma, f.program.id, f.apiKey.id, actor)).toBe(true);
    expect((await auth(f.bearer, t0 + 1)).ok).toBe(false);
  });

  it("checks the secret on every request, cached or not", async () => {
    const f = await seedApiProgram(db.prisma);
    const t0 = 3_000_000_000_000;
    expect((await auth(f.basic, t0)).ok).toBe(true);
    const wrong = `Basic ${Buffer.from(`${f.apiKey.publicKey}:sk_test_wrong`).toString("base64")}`;
    expect(await auth(wrong, t0 + 1)).toMatchObject({ ok: false, programId: f.program.id });
    expect((await auth(f.basic, t0 + 2)).ok).toBe(true);
  });
});
