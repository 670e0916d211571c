// The reporting API's numbers (lib/reports/actions-report.ts) for random data and random views:
// identical on PostgreSQL and on the ClickHouse copy, every answer of the documented shape, the
// table's pages adding up to the tiles, the chart's buckets too, and the tiles equal to a plain
// count of the seeded actions. The route itself (auth, refusals, paging over HTTP) is
// app/api/v2/tests/reports-actions.test.ts.
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { serializeBreakdown } from "../stats/breakdown/breakdown";
import { postgresTabEngine } from "../stats/engines";
import type { TabSources } from "../stats/sources";
import { serializeTabUrl, DEFAULT_FILTERS } from "../stats/url/search-params";
import { querySpec, resolveQuery, type QuerySpec } from "../testing/random-tab-query";
import { breakdownOf } from "../testing/random-properties";
import { worldSpec } from "../testing/random-tab-world";
import { seedWorldAndCopy } from "../testing/seed-world-and-copy";
import { modelSummary, type SeededProgram } from "../testing/seed-random-world";
import { openTestAnalytics, type TestAnalytics } from "../testing/test-analytics";
import { createTestDatabase, type TestDatabase } from "../testing/test-database";
import { actionsReport } from "./actions-report";
import { actionsReportOutput, reportActionsQuery, type ActionsReport } from "./report-schema";

const SEED = Number(process.env.FC_SEED ?? 20261207);
const engines = inject("engines");
// The SQL is the engines' (tested on both databases by engines-agree); one database suffices here.
const database = engines.includes("postgres") ? "postgres" : "pglite";

interface ViewSpec {
  query: QuerySpec;
  /** The table grouped by a breakdown (random-properties' `breakdownOf`), or the detailed table. */
  rowsBy: number | null;
  limit: number;
}

/** The filters of a random query cleared: half the views keep only their period, so have rows. */
const periodOnly = (q: QuerySpec): QuerySpec => ({
  ...q,
  group: null,
  manager: null,
  tag: null,
  name: null,
  email: null,
  marketplace: DEFAULT_FILTERS.marketplace,
  archived: DEFAULT_FILTERS.archived,
  actionType: null,
  property: null,
});

const viewSpec: fc.Arbitrary<ViewSpec> = fc.record({
  query: fc.tuple(querySpec, fc.boolean()).map(([q, filtered]) => (filtered ? q : periodOnly(q))),
  rowsBy: fc.oneof(fc.constant(null), fc.nat(20)),
  limit: fc.integer({ min: 1, max: 3 }),
});

describe(`the reporting API's numbers on ${database} and on ClickHouse (chdb)`, () => {
  let db: TestDatabase;
  let analytics: TestAnalytics;
  let pg: TabSources;
  let ch: TabSources;
  beforeAll(async () => {
    db = await createTestDatabase(database);
    analytics = await openTestAnalytics("chdb", db);
    pg = { db, analytics: { engine: postgresTabEngine(db), worker: null } };
    ch = { db, analytics: { engine: analytics.engine, worker: null } };
  });
  afterAll(async () => {
    await analytics.close();
    await db.close();
  });

  /** The view's URL parameters, as the tab writes them (and a client copies them). */
  function paramsOf(s: SeededProgram, spec: ViewSpec) {
    const { filters, now } = resolveQuery(spec.query, s);
    const stack = breakdownOf(spec.query.breakdown);
    const rows = spec.rowsBy === null ? null : breakdownOf(spec.rowsBy);
    const [sort] = spec.query.sorts;
    const url = serializeTabUrl("", { ...filters, stack_by: stack, rows_by: rows, ...sort });
    const params = Object.fromEntries(new URLSearchParams(url));
    return { params: { ...params, limit: String(spec.limit) }, now, rows };
  }

  const report = (
    sources: TabSources,
    s: SeededProgram,
    params: Record<string, string>,
    now: number,
  ) =>
    actionsReport(
      sources,
      { ...s.program, slug: `p${s.program.id}` },
      reportActionsQuery.parse(params),
      now,
    );

  /** Every page of the table, by `page`, until `has_more` says there is none. */
  async function allPages(
    sources: TabSources,
    s: SeededProgram,
    params: Record<string, string>,
    now: number,
  ) {
    const pages: ActionsReport[] = [];
    for (let page = 1; ; page++) {
      const r = await report(sources, s, { ...params, page: String(page) }, now);
      pages.push(r);
      if (!r.table.has_more) return pages;
      expect(page, "more pages than total ÷ limit").toBeLessThan(r.table.total / r.table.limit + 1);
    }
  }

  /** How many views had more than one page of rows (the property must see some). */
  let paged = 0;

  async function expectConsistent(s: SeededProgram, spec: ViewSpec) {
    const { params, now, rows } = paramsOf(s, spec);
    const pages = await allPages(pg, s, params, now);
    const chPages = await allPages(ch, s, params, now);
    expect(chPages, `ClickHouse, ${JSON.stringify(params)}`).toEqual(pages);
    for (const page of pages) expect(actionsReportOutput.parse(page)).toEqual(page);

    const [first] = pages;
    const items = pages.flatMap((p) => p.table.items);
    if (pages.length > 1) paged++;
    expect(items.length, "rows over every page").toBe(first.table.total);
    expect(first.table.grouped_by).toBe(rows && serializeBreakdown(rows));
    const { current } = first.tiles;
    // Every action is in exactly one row (a partner with several tags counts under each tag).
    if (rows?.kind !== "tag") {
      expect(items.reduce((sum, i) => sum + i.occurrences, 0)).toBe(current.occurrences);
      expect(items.reduce((sum, i) => sum + i.rewards, 0)).toBe(current.rewards);
    }
    expect(first.table.totals.occurrences).toBe(current.occurrences);
    // The chart holds every matching action, hidden series and "Others" included.
    const charted = first.series.buckets.reduce((sum, b) => sum + b.total, 0);
    expect(charted, "the chart's buckets").toBe(current.occurrences);
    // The compared period's line has a point per bucket exactly when a period is compared.
    for (const b of first.series.buckets)
      expect(b.compared === null, `bucket ${b.start}'s compared point`).toBe(!first.view.compared);
    if (first.view.compared) {
      expect(first.tiles.previous).not.toBeNull();
      expect(first.table.totals.previous_occurrences).toBe(first.tiles.previous!.occurrences);
    }
  }

  it("are the same on both engines, add up across pages and buckets, and equal the seeded actions", async () => {
    await fc.assert(
      fc.asyncProperty(
        worldSpec,
        fc.array(viewSpec, { minLength: 6, maxLength: 6 }),
        async (world, views) => {
          const programs = await seedWorldAndCopy({ db, analytics }, world);
          const [main] = programs;
          for (const view of views) await expectConsistent(main, view);
          // Any time, no filter: the tiles count the program's own seeded actions, nothing else.
          for (const s of programs) {
            const anyTime = { timeframe: "any_time", limit: "250" };
            for (const sources of [pg, ch]) {
              const r = await report(sources, s, anyTime, Date.now());
              const model = modelSummary(s);
              expect(r.tiles.current).toEqual({
                occurrences: model.occurrences,
                total_value: model.totalValue,
                rewards: model.rewardCents,
                partners: model.partners,
                customers: model.customers,
              });
            }
          }
        },
      ),
      { numRuns: Number(process.env.FC_RUNS ?? 2), seed: SEED, endOnFailure: true },
    );
    expect(paged, "views whose table had several pages").toBeGreaterThan(1);
  }, 180_000);

  it("refuses what the tab would drop with a notice, naming the parameter", async () => {
    const [s] = await seedWorldAndCopy(
      { db, analytics },
      fc.sample(worldSpec, { numRuns: 1, seed: SEED })[0],
    );
    const refused = async (params: Record<string, string>) => {
      const error = await report(pg, s, params, Date.now()).then(
        () => null,
        (e: unknown) => e as { kind: string; fields?: { field: string; message: string }[] },
      );
      return error;
    };
    expect(await refused({ timeframe: "bogus" })).toMatchObject({
      kind: "invalid",
      fields: [{ field: "timeframe", message: "“bogus” is not a valid value." }],
    });
    expect(await refused({ group: "999999999" })).toMatchObject({
      fields: [{ field: "group", message: "999999999: no such id in this program." }],
    });
    // A long list of unknown ids is named by its first ten.
    const many = Array.from({ length: 25 }, (_, i) => 900_000_000 + i);
    expect(await refused({ group: many.join(",") })).toMatchObject({
      fields: [
        {
          field: "group",
          message: `${many.slice(0, 10).join(", ")} and 15 more: no such ids in this program.`,
        },
      ],
    });
    expect(await refused({ rows_by: "colour" })).toMatchObject({
      fields: [{ field: "rows_by", message: "“colour” is not a valid value." }],
    });
    // The default view is no refusal.
    expect(
      await refused({
        ...Object.fromEntries(new URLSearchParams(serializeTabUrl("", DEFAULT_FILTERS))),
      }),
    ).toBeNull();
  });
});
