// GET /api/v2/reports/actions over HTTP: the API key's program only, the tab's parameters in,
// numbers equal to an independent count of what was sent, paged like the lists, the same answer
// from the ClickHouse copy, and every bad parameter a 422 naming it. The numbers for random data
// and views: lib/reports/actions-report.test.ts.
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { actionsReportOutput } from "@/lib/reports/report-schema";
import { createAnnotation } from "@/lib/annotations/change-annotation";
import { postgresTabEngine } from "@/lib/stats/engines";
import type { TabSources } from "@/lib/stats/sources";
import { seedApiProgram } from "@/lib/testing/api-fixture";
import { callRoute } from "@/lib/testing/call-route";
import { databaseWithCopy } from "@/lib/testing/database-with-copy";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/test-database";
import * as actionsRoute from "../actions/route";
import * as reportRoute from "../reports/actions/route";

const JANUARY = "timeframe=range_2026-01-01_2026-02-01&timescale=week";
const engines = inject("engines");

describe.each(engines)("GET /api/v2/reports/actions on %s", (engine) => {
  let db: TestDatabase;
  let pg: TabSources;
  beforeAll(async () => {
    db = await createTestDatabase(engine);
    pg = { db, analytics: { engine: postgresTabEngine(db), worker: null } };
  });
  afterAll(() => db.close());

  const get = (auth: string | undefined, query: string, sources = pg) =>
    callRoute(reportRoute.GET.on(db, sources), "GET", `/api/v2/reports/actions?${query}`, {
      auth,
    });

  /** A program with four actions in January 2026 and one in March, sent over the API. */
  async function programWithActions() {
    const f = await seedApiProgram(db.prisma);
    const send = async (body: Record<string, unknown>) => {
      const res = await callRoute(actionsRoute.POST.on(db), "POST", "/api/v2/actions", {
        auth: f.basic,
        body,
      });
      expect(res.status, JSON.stringify(res.json)).toBe(200);
    };
    const at = (day: number, month = 0) => new Date(Date.UTC(2026, month, day, 12)).toISOString();
    const signup = { target_key: "cus_1", target_type: "customer", type: "signup_completed" };
    await send({ ...signup, occurred_at: at(5) });
    await send({ ...signup, occurred_at: at(6) });
    await send({ ...signup, target_key: "cus_2", occurred_at: at(20) });
    await send({
      target_key: "ptn_bob",
      target_type: "partnership",
      type: "demo_booked",
      occurred_at: at(21),
    });
    await send({ ...signup, occurred_at: at(3, 2) });
    return f;
  }

  /** The January numbers counted in SQL, apart from the code under test. */
  async function januaryInSql(programId: number) {
    const [row] = await db.prisma.$queryRaw<
      { occurrences: bigint; rewards: bigint | null; rows: bigint }[]
    >`SELECT count(*) AS occurrences, sum(reward_cents) AS rewards,
             count(DISTINCT (partnership_id, action_type_id, value)) AS rows
      FROM actions
      WHERE program_id = ${programId} AND archived_at IS NULL
        AND occurred_at >= '2026-01-01T00:00:00Z' AND occurred_at < '2026-02-01T00:00:00Z'`;
    return {
      occurrences: Number(row.occurrences),
      rewards: Number(row.rewards ?? 0),
      rows: Number(row.rows),
    };
  }

  it("answers the tab's numbers for the tab's URL, a page at a time", async () => {
    const f = await programWithActions();
    const other = await programWithActions();
    const expected = await januaryInSql(f.program.id);
    expect(expected.occurrences).toBe(4);

    const first = await get(f.basic, `${JANUARY}&limit=1`);
    expect(first.status, JSON.stringify(first.json)).toBe(200);
    const report = actionsReportOutput.parse(first.json.data);
    expect(report).toEqual(first.json.data);
    expect(report.tiles.current).toMatchObject({
      occurrences: expected.occurrences,
      rewards: expected.rewards,
    });
    // Compared with the previous period unless `compare` says otherwise, as on the tab: the
    // 31 days before January hold nothing.
    expect(report.view.compared).toMatchObject({ title: "Previous period" });
    expect(report.tiles.previous).toMatchObject({ occurrences: 0, rewards: 0 });
    expect(report.series.timescale).toBe("week");
    expect(report.series.buckets.map((b) => b.start)).toEqual([
      "2025-12-29",
      "2026-01-05",
      "2026-01-12",
      "2026-01-19",
      "2026-01-26",
    ]);
    // 5 and 6 January fall in the week of the 5th, 20 and 21 January in the week of the 19th.
    expect(report.series.buckets.map((b) => b.total)).toEqual([0, 2, 0, 2, 0]);
    expect(report.view.tab_path).toBe(`/p/${f.program.slug}/actions?${report.view.query}`);
    expect(report.table).toMatchObject({ page: 1, limit: 1, total: expected.rows, has_more: true });

    // Paged like the lists: every row once, then has_more false.
    const rows = [...report.table.items];
    for (let page = 2; page <= expected.rows; page++) {
      const next = await get(f.basic, `${JANUARY}&limit=1&page=${page}`);
      expect(next.json.data.table.has_more).toBe(page < expected.rows);
      rows.push(...next.json.data.table.items);
    }
    expect(rows).toHaveLength(expected.rows);
    expect(rows.reduce((sum, r) => sum + r.occurrences, 0)).toBe(expected.occurrences);
    expect(new Set(rows.map((r) => JSON.stringify(r))).size).toBe(expected.rows);

    // The same key never reads another program's actions, even with that program's own URL.
    const theirs = await get(other.basic, `${JANUARY}&limit=1`);
    expect(theirs.json.data.tiles.current.occurrences).toBe(expected.occurrences);
    const all = await db.prisma.action.count({ where: { programId: f.program.id } });
    const everything = await get(f.basic, "timeframe=any_time");
    expect(everything.json.data.tiles.current.occurrences).toBe(all);
  });

  it("groups the table and compares periods with the tab's own parameters", async () => {
    const f = await programWithActions();
    const manager = { id: 0, name: "Ana", email: "ana@example.test" };
    await createAnnotation(db.prisma, f.program.id, manager, { day: "2026-03-03", text: "Launch" });
    await createAnnotation(db.prisma, f.program.id, manager, { day: "2026-05-01", text: "Later" });
    const res = await get(
      f.basic,
      `timeframe=range_2026-02-01_2026-04-01&timescale=month&compare=previous_year&rows_by=group&stack_by=group`,
    );
    expect(res.status, JSON.stringify(res.json)).toBe(200);
    const report = actionsReportOutput.parse(res.json.data);
    expect(report.table.grouped_by).toBe("group");
    expect(report.series.stacked_by).toBe("group");
    expect(report.view.compared).toMatchObject({ title: "Same period last year" });
    expect(report.table.items).toEqual([
      {
        key: String(f.groups.affiliates.id),
        label: "Affiliates",
        occurrences: 1,
        rewards: 500,
        previous_occurrences: 0,
        previous_rewards: 0,
      },
    ]);
    expect(report.tiles.previous).toMatchObject({ occurrences: 0 });
    // Notes on the time axis within the view, on their month's bucket.
    expect(report.annotations).toEqual([
      {
        day: "2026-03-03",
        bucket: "2026-03-01",
        text: "Launch",
        origin: "manual",
        author: "Ana",
        created_at: expect.any(Number),
      },
    ]);
  });

  it("refuses a missing key, and any parameter the tab would drop, naming it", async () => {
    const f = await programWithActions();
    const other = await seedApiProgram(db.prisma);
    expect((await get(undefined, JANUARY)).status).toBe(401);
    const refusals: [string, string][] = [
      ["colour=red", "colour"],
      ["timeframe=bogus", "timeframe"],
      ["timescale=fortnight", "timescale"],
      ["limit=0", "limit"],
      ["limit=251", "limit"],
      ["page=abc", "page"],
      ["rows_by=colour", "rows_by"],
      ["sort=nonsense", "sort"],
      // Another program's group is no group of this one.
      [`group=${other.groups.affiliates.id}`, "group"],
      ["view=1", "view"],
      ["explain=maybe", "explain"],
    ];
    for (const [query, field] of refusals) {
      const res = await get(f.basic, query);
      expect(res.status, query).toBe(422);
      expect(
        res.json.errors?.map((e: { field: string }) => e.field),
        query,
      ).toEqual([field]);
    }
    // Each is in the program's API log, as any request of the key.
    const logged = await db.prisma.ingestLog.count({
      where: { programId: f.program.id, status: 422, path: { startsWith: "/api/v2/reports" } },
    });
    expect(logged).toBe(refusals.length);
  });
});

describe("GET /api/v2/reports/actions answered by the ClickHouse copy", () => {
  const opened = databaseWithCopy();

  it("gives the same answer as PostgreSQL, for every page", async () => {
    const { db, analytics } = opened;
    const f = await seedApiProgram(db.prisma);
    const signup = { target_key: "cus_1", target_type: "customer", type: "signup_completed" };
    for (const [i, target] of ["cus_1", "cus_2", "cus_1"].entries()) {
      const res = await callRoute(actionsRoute.POST.on(db), "POST", "/api/v2/actions", {
        auth: f.basic,
        body: { ...signup, target_key: target, occurred_at: Date.UTC(2026, 0, 5 + i) },
      });
      expect(res.status).toBe(200);
    }
    await analytics.sync();
    const pg = { db, analytics: { engine: postgresTabEngine(db), worker: null } };
    const ch = { db, analytics: { engine: analytics.engine, worker: null } };
    for (const query of [
      `${JANUARY}&limit=1`,
      `${JANUARY}&limit=1&page=2`,
      `${JANUARY}&rows_by=tag`,
    ]) {
      const [a, b] = await Promise.all(
        [pg, ch].map((sources) =>
          callRoute(reportRoute.GET.on(db, sources), "GET", `/api/v2/reports/actions?${query}`, {
            auth: f.basic,
          }),
        ),
      );
      expect(a.status).toBe(200);
      expect(b.json, query).toEqual(a.json);
    }
  });
});
