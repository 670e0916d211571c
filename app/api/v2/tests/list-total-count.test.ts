// Issue 27: a client reading every page of a long list (an import from this Actionboard) may ask
// for `Prefer: count=planned`; the lists then answer with the planner's estimate of `total`
// instead of counting every matching row for every page. Without it, totals stay exact.
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { seedApiProgram } from "@/lib/testing/api-fixture";
import { callRoute } from "@/lib/testing/call-route";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/test-database";
import * as actionsRoute from "../actions/route";
import * as customersRoute from "../customers/route";
import * as partnershipsRoute from "../partnerships/route";
import * as rewardsRoute from "../rewards/route";

const ACTIONS = 120;

describe.each(inject("engines"))("list totals on %s", (engine) => {
  let db: TestDatabase;
  let recorded: TestDatabase;
  let f: Awaited<ReturnType<typeof seedApiProgram>>;
  const statements: string[] = [];
  beforeAll(async () => {
    db = await createTestDatabase(engine);
    f = await seedApiProgram(db.prisma);
    const type = await db.prisma.actionType.findFirstOrThrow({
      where: { programId: f.program.id },
    });
    await db.prisma.action.createMany({
      data: Array.from({ length: ACTIONS }, (_, i) => ({
        programId: f.program.id,
        key: `act_${i}`,
        actionTypeId: type.id,
        targetType: "partnership" as const,
        partnershipId: f.partnerships.alice.id,
        occurredAt: new Date(Date.UTC(2026, 0, 1) + i * 60_000),
      })),
    });
    await db.withRunner((r) => r.exec("ANALYZE"));
    // The same database, every raw statement the routes send written down.
    const recording = db.prisma.$extends({
      query: {
        async $queryRaw({ args, query }) {
          statements.push((args as unknown as { text: string }).text);
          return query(args);
        },
      },
    }) as unknown as PrismaClient;
    recorded = { ...db, prisma: recording };
  });
  afterAll(() => db?.close());

  const lists = [
    ["actions", actionsRoute.GET],
    ["customers", customersRoute.GET],
    ["partnerships", partnershipsRoute.GET],
    ["rewards", rewardsRoute.GET],
  ] as const;

  it.each(lists)(
    "%s: exact by default, estimated when asked, the same page either way",
    async (name, route) => {
      const list = (headers: Record<string, string>) => {
        statements.length = 0;
        return callRoute(route.on(recorded), "GET", `/api/v2/${name}?limit=50`, {
          auth: f.basic,
          headers,
        });
      };
      const counts = () => statements.filter((s) => /SELECT count\(\*\)/i.test(s)).length;
      const estimates = () => statements.filter((s) => /^\s*EXPLAIN/i.test(s)).length;

      const exact = await list({});
      expect(exact.status).toBe(200);
      expect([counts(), estimates()]).toEqual([1, 0]);
      expect(exact.headers.get("preference-applied")).toBeNull();

      const planned = await list({ prefer: "return=minimal, count=planned" });
      expect(planned.status).toBe(200);
      expect([counts(), estimates()]).toEqual([0, 1]);
      expect(planned.headers.get("preference-applied")).toBe("count=planned");
      expect(planned.json.data.items).toEqual(exact.json.data.items);
      expect(planned.json.data.has_more).toBe(exact.json.data.has_more);
      expect(Number.isInteger(planned.json.data.total)).toBe(true);
      expect(planned.json.data.total).toBeGreaterThanOrEqual(0);
    },
  );

  it("estimates a long list near its exact count once the table is analyzed", async () => {
    const list = (headers: Record<string, string>) =>
      callRoute(actionsRoute.GET.on(db), "GET", "/api/v2/actions?limit=10", {
        auth: f.basic,
        headers,
      });
    const exact = (await list({})).json.data.total;
    expect(exact).toBe(ACTIONS);
    const planned = (await list({ prefer: "count=planned" })).json.data.total;
    expect(planned).toBeGreaterThanOrEqual(ACTIONS / 2);
    expect(planned).toBeLessThanOrEqual(ACTIONS * 2);
  });
});
