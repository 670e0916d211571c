import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { seedApiProgram } from "@/lib/testing/api-fixture";
import { callRoute } from "@/lib/testing/call-route";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/test-database";
import { storedCounts } from "@/lib/testing/stored-counts";
import * as actionsRoute from "../actions/route";
import * as batchRoute from "../actions/batch/route";

// Ingestion finds a stored key through its insert (ON CONFLICT), not a read before it: these hold
// it to judging a stored key first, whatever became of the target or the type since.
describe.each(inject("engines"))("retries after the program changed on %s", (engine) => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase(engine);
  });
  afterAll(() => db.close());

  const post = (auth: string, body: unknown) =>
    callRoute(actionsRoute.POST.on(db), "POST", "/api/v2/actions", { auth, body });
  const batch = (auth: string, actions: unknown[]) =>
    callRoute(batchRoute.POST.on(db), "POST", "/api/v2/actions/batch", {
      auth,
      body: { actions },
    });
  const stored = (programId: number) => storedCounts(db.prisma, programId);

  it("replays a stored key whose partnership was archived since, and refuses another body with 409", async () => {
    const f = await seedApiProgram(db.prisma);
    const body = {
      key: "k-1",
      target_key: "cus_1",
      target_type: "customer",
      type: "signup_completed",
    };
    const first = await post(f.basic, body);
    expect(first.status).toBe(200);
    await db.prisma.partnership.update({
      where: { programId_id: { programId: f.program.id, id: f.partnerships.alice.id } },
      data: { archivedAt: new Date() },
    });
    const before = await stored(f.program.id);

    const retry = await post(f.basic, body);
    expect(retry.status).toBe(200);
    expect(retry.headers.get("idempotent-replayed")).toBe("true");
    expect(retry.json.data).toEqual(first.json.data);
    expect((await post(f.basic, { ...body, value: 2 })).status).toBe(409);
    // A new action on the archived partnership is refused: the archive is in force.
    expect((await post(f.basic, { ...body, key: "k-2" })).status).toBe(422);

    const res = await batch(f.basic, [body, { ...body, value: 3 }, { ...body, key: "k-3" }]);
    expect(res.json.data.results.map((r: { status: number }) => r.status)).toEqual([200, 409, 422]);
    expect(res.json.data.results[0]).toMatchObject({ replayed: true, data: first.json.data });
    expect(await stored(f.program.id)).toEqual(before);
  });

  it("replays a stored key whose type was renamed since, without making the old name again", async () => {
    const f = await seedApiProgram(db.prisma);
    const body = { key: "t-1", target_key: "cus_2", target_type: "customer", type: "demo_booked" };
    const first = await post(f.basic, body);
    expect(first.status).toBe(200);
    await db.prisma.actionType.updateMany({
      where: { programId: f.program.id, name: "demo_booked" },
      data: { name: "demo_held" },
    });
    const before = await stored(f.program.id);

    const retry = await post(f.basic, body);
    expect(retry.status).toBe(200);
    expect(retry.headers.get("idempotent-replayed")).toBe("true");
    const res = await batch(f.basic, [body]);
    expect(res.json.data.results[0]).toMatchObject({ status: 200, replayed: true });
    expect(await stored(f.program.id)).toEqual(before);
  });

  it("answers the ingestion endpoints with the API's security headers (they skip the proxy)", async () => {
    const f = await seedApiProgram(db.prisma);
    const body = { target_key: "ptn_bob", target_type: "partnership", type: "demo_booked" };
    for (const res of [
      await post(f.basic, body),
      await post("Basic bm9wZTpub3Bl", body),
      await batch(f.basic, [body]),
    ]) {
      expect(res.headers.get("content-security-policy")).toBe(
        "default-src 'none'; frame-ancestors 'none'",
      );
      expect(res.headers.get("x-content-type-options")).toBe("nosniff");
      expect(res.headers.get("x-frame-options")).toBe("DENY");
      // Not compressed by the server (Next skips gzip for no-transform), not cached.
      expect(res.headers.get("cache-control")).toBe("no-store, no-transform");
    }
  });
});
