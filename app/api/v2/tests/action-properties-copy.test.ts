// Action properties in the ClickHouse copy: delivered by the outbox as text, and a copy made
// before the column existed gets it when a process opens it (its rows read no properties).
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { chsql, chTable } from "@/lib/analytics/ch-sql";
import { ensureAnalyticsSchema } from "@/lib/analytics/schema";
import { seedApiProgram } from "@/lib/testing/api-fixture";
import { callRoute } from "@/lib/testing/call-route";
import { openTestAnalytics, type TestAnalytics } from "@/lib/testing/test-analytics";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/test-database";
import * as actionsRoute from "../actions/route";

describe.each(inject("engines"))("action properties in the copy, from %s", (engine) => {
  let db: TestDatabase;
  let analytics: TestAnalytics;
  beforeAll(async () => {
    db = await createTestDatabase(engine);
    analytics = await openTestAnalytics("chdb", db);
  });
  afterAll(async () => {
    await analytics.close();
    await db.close();
  });

  const copied = async () =>
    Object.fromEntries(
      (
        await analytics.ch!.query<{ key: string; properties: Record<string, string> }>(
          chsql`SELECT key, properties FROM ${chTable("actions")} FINAL ORDER BY key`,
        )
      ).map((r) => [r.key, r.properties]),
    );

  it("gets the column when an older copy is opened, then receives properties as text", async () => {
    const ch = analytics.ch!;
    const f = await seedApiProgram(db.prisma);
    const post = (body: unknown) =>
      callRoute(actionsRoute.POST.on(db), "POST", "/api/v2/actions", { auth: f.basic, body });
    const signup = { target_key: "cus_1", target_type: "customer", type: "signup_completed" };
    expect((await post({ ...signup, key: "old" })).status).toBe(200);
    await analytics.sync();
    // The copy as it was before properties: no such column.
    await ch.command(chsql`ALTER TABLE ${chTable("actions")} DROP COLUMN properties`);
    await ensureAnalyticsSchema(ch);
    expect(await copied()).toEqual({ old: {} });

    const properties = { plan: "pro, annual", seats: 5, ratio: 0.25, trial: true };
    expect((await post({ ...signup, key: "new", properties })).status).toBe(200);
    await analytics.sync();
    expect(await copied()).toEqual({
      old: {},
      new: { plan: "pro, annual", seats: "5", ratio: "0.25", trial: "true" },
    });
  });
});
