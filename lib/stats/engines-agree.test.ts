// Property: every number of the Actions tab — tiles (and their previous period), chart, table
// pages in every sort, drill-down pages, the "new actions" count and every CSV download — and of
// the Partners directory (every order, keyset pages) is
// identical whether PostgreSQL or the ClickHouse copy (chdb) answers, for random data, random
// edits delivered through the outbox, and random filters.
//
// Deterministic by default. A failure prints its seed and path: rerun with FC_SEED=<seed>
// (FC_PATH=<path> replays just that case); FC_SHRINK=1 also shrinks it to a minimal case
// (slow: every attempt seeds a database); FC_RUNS=<n> explores more data sets.
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { loadRuleNames } from "../rewards/load-rule-names";
import { querySpec, resolveQuery, type QuerySpec } from "../testing/random-tab-query";
import { worldSpec } from "../testing/random-tab-world";
import {
  BREAKDOWN_CHOICES,
  breakdownOf,
  matchesProperty,
  resolvePropertyFilter,
} from "../testing/random-properties";
import { modelBreakdown } from "../testing/model-breakdown";
import { readBreakdown } from "../testing/read-breakdowns";
import { loadFilterOptions } from "./filters/load-filter-options";
import { readDirectory } from "../testing/read-directory";
import { readTab } from "../testing/read-tab";
import { seedWorldAndCopy } from "../testing/seed-world-and-copy";
import {
  applyEdits,
  modelSummary,
  type ModelAction,
  type SeededProgram,
} from "../testing/seed-random-world";
import { openTestAnalytics, type TestAnalytics } from "../testing/test-analytics";
import { createTestDatabase, type TestDatabase } from "../testing/test-database";
import type { Engine } from "../testing/engines";
import { DEFAULT_FILTERS, filtersInForce, type ActionsTabFilters } from "./url/search-params";
import { getOccurrenceTable } from "./get-occurrence-table";
import { getBreakdownTable } from "./get-breakdown-table";
import { getSummary } from "./get-summary";
import { postgresTabEngine } from "./postgres/postgres-engine";
import type { TabEngine } from "./engine";
import { tabScope } from "./scope";

const TOP_ROWS = { sort: "occurrences" as const, dir: "desc" as const, page: 1 };
const SEED = Number(process.env.FC_SEED ?? 20261127);
/**
 * Data sets per database (each read before and after its edits): 12–20 s each, most of it
 * ClickHouse's. Both databases draw the same sequence from SEED, so PGlite's data set is
 * PostgreSQL's first: the three distinct data sets run on PostgreSQL (production's database),
 * the first also on PGlite (the same SQL through the embedded database).
 */
const RUNS: Record<Engine, number> = { pglite: 1, postgres: 3 };
/** Per data set and phase: a few full reads, and many more cheap reads of the tiles alone. */
interface QueryBatch {
  full: QuerySpec[];
  summaries: QuerySpec[];
}
const queryBatch: fc.Arbitrary<QueryBatch> = fc.record({
  full: fc.array(querySpec, { minLength: 4, maxLength: 4 }),
  summaries: fc.array(querySpec, { minLength: 20, maxLength: 20 }),
});

/** No filter narrows the actions (only the timeframe, timescale and comparison are set). */
const unfiltered = (filters: ActionsTabFilters) =>
  filtersInForce(filters).every((f) => f === "timeframe" || f === "timescale" || f === "compare");

const describeRead = (
  when: string,
  s: SeededProgram,
  { filters, now }: ReturnType<typeof resolveQuery>,
) =>
  `${when}: program ${s.program.id} (${s.program.timezone}), now ${new Date(now).toISOString()}, filters ${JSON.stringify(filters)}`;

describe.each(inject("engines"))("the tab's numbers on %s and on ClickHouse (chdb)", (engine) => {
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

  async function expectSameNumbers(s: SeededProgram, q: QuerySpec, when: string) {
    const read = resolveQuery(q, s);
    const { filters, now, since } = read;
    const pg = tabScope(postgresTabEngine(db), s.program, filters, now);
    const ch = tabScope(analytics.engine, s.program, filters, now);
    // The drill-down starts from a row of the table, as a click on a count does.
    const table = await getOccurrenceTable(pg, { sort: "occurrences", dir: "desc", page: 1 }, null);
    const row = table.rows.length ? table.rows[q.drillRow % table.rows.length] : null;
    const ruleNames = await loadRuleNames(db.prisma, s.program.id);
    const plan = {
      sorts: q.sorts,
      row: row && { partner: row.partnerKey, type: row.actionType, value: row.actionValue },
      since,
      currency: s.program.currency,
      ruleNames,
    };
    const expected = await readTab(pg, plan);
    const actual = await readTab(ch, plan);
    expect(actual, describeRead(when, s, read)).toEqual(expected);
    // A row's count in the period compared with is the number of actions its drill-down of that
    // period lists; and the compared period's tile counts what the model says it holds.
    if (row && pg.previous) {
      const [first] = expected["drill row, compared period"] as { total: number }[];
      expect(first.total, `compared drill-down, ${when}`).toBe(row.previousOccurrences);
    }
    if (!pg.previous) expect(row?.previousOccurrences ?? null).toBeNull();
    if (pg.previous && unfiltered(filters)) {
      const { start, end } = pg.previous;
      const inPrevious = s.actions.filter(
        (a) =>
          !a.archived &&
          (start === null || a.occurredAt >= start) &&
          (end === null || a.occurredAt < end),
      );
      const { previous } = expected.summary as Awaited<ReturnType<typeof getSummary>>;
      expect(previous?.occurrences, `compared period's model, ${when}`).toBe(inPrevious.length);
      expect(previous?.rewardCents).toBe(inPrevious.reduce((sum, a) => sum + a.rewardCents, 0));
    }
    // A breakdown: the chart stacked by it, its table in several sorts and pages, drill-downs.
    const by = breakdownOf(q.breakdown);
    const lists = await loadFilterOptions(db.prisma, s.program.id);
    const [pgBreakdown, chBreakdown] = await Promise.all([
      readBreakdown({ ...pg, lists }, by),
      readBreakdown({ ...ch, lists }, by),
    ]);
    expect(chBreakdown, `breakdown ${JSON.stringify(by)}, ${when}`).toEqual(pgBreakdown);
    for (const d of pgBreakdown.drill as { total: number; occurrences: number }[])
      expect(d.total, `breakdown drill-down ${JSON.stringify(by)}, ${when}`).toBe(d.occurrences);
    if (unfiltered(filters)) await expectBreakdownModel(s, by, filters, now);
    // The Partners directory over the same filters.
    expect(await readDirectory(db, ch), `directory, ${describeRead(when, s, read)}`).toEqual(
      await readDirectory(db, pg),
    );
    // Each engine's CSV (written by COPY / FORMAT CSV) holds the cells the page's code formats.
    for (const [engine, got] of [
      ["postgres", expected],
      ["clickhouse", actual],
    ] as const) {
      for (const tile of ["table", "actions"]) {
        expect(got[`csv ${tile}`], `${engine} ${tile}.csv, ${when}`).toEqual(got[`cells ${tile}`]);
      }
    }
  }

  /**
   * No program's numbers include another's: both engines equal the program's own model, without
   * filters and with each property filter of the batch (the model tests the properties as text).
   */
  async function expectOwnNumbersOnly(s: SeededProgram, queries: QueryBatch) {
    const anyTime = { ...DEFAULT_FILTERS, timeframe: { kind: "any" as const } };
    const cases: { filters: typeof anyTime; keep: (a: ModelAction) => boolean }[] = [
      { filters: anyTime, keep: () => true },
    ];
    for (const q of [...queries.full, ...queries.summaries]) {
      if (!q.property) continue;
      const selection = resolvePropertyFilter(q.property);
      cases.push({
        filters: { ...anyTime, property: selection, property_op: q.property.op },
        keep: (a: ModelAction) => matchesProperty(a.properties, selection, q.property!.op),
      });
    }
    for (const { filters, keep } of cases) {
      for (const tabEngine of [postgresTabEngine(db), analytics.engine]) {
        const { current } = await getSummary(tabScope(tabEngine, s.program, filters));
        expect(
          current,
          `${tabEngine.name}, program ${s.program.id}, ${JSON.stringify(filters)}`,
        ).toEqual(modelSummary(s, keep));
      }
    }
  }

  /** A breakdown's rows on each engine equal the plain model's sums per key. */
  async function expectBreakdownModel(
    s: SeededProgram,
    by: ReturnType<typeof breakdownOf>,
    filters: ActionsTabFilters,
    now?: number,
  ) {
    const lists = await loadFilterOptions(db.prisma, s.program.id);
    for (const tabEngine of [postgresTabEngine(db), analytics.engine]) {
      const scope = { ...tabScope(tabEngine, s.program, filters, now), lists };
      const table = await getBreakdownTable(scope, by, TOP_ROWS, null);
      const byKey = table.rows
        .map(({ key, occurrences, rewardCents }) => ({ key, occurrences, rewardCents }))
        .sort((x, y) => (x.key < y.key ? -1 : x.key > y.key ? 1 : 0));
      expect(byKey, `${tabEngine.name}: breakdown ${JSON.stringify(by)}`).toEqual(
        await modelBreakdown(db.prisma, s, by, scope.range),
      );
    }
  }

  async function expectSameSummary(s: SeededProgram, q: QuerySpec, when: string) {
    const read = resolveQuery(q, s);
    const summary = (tabEngine: TabEngine) =>
      getSummary(tabScope(tabEngine, s.program, read.filters, read.now));
    const expected = await summary(postgresTabEngine(db));
    expect(await summary(analytics.engine), describeRead(when, s, read)).toEqual(expected);
  }

  async function expectAgreement(programs: SeededProgram[], queries: QueryBatch, when: string) {
    const [main, ...others] = programs;
    for (const q of queries.summaries) await expectSameSummary(main, q, when);
    for (const q of queries.full) await expectSameNumbers(main, q, when);
    for (const other of others) await expectSameNumbers(other, queries.full[0], when);
    for (const program of programs) await expectOwnNumbersOnly(program, queries);
    // Every breakdown of the main program, any time, against the model.
    const anyTime = { ...DEFAULT_FILTERS, timeframe: { kind: "any" as const } };
    for (let i = 0; i < BREAKDOWN_CHOICES; i++)
      await expectBreakdownModel(main, breakdownOf(i), anyTime);
  }

  const numRuns = Number(process.env.FC_RUNS ?? RUNS[engine]);
  const shrink = process.env.FC_SHRINK === "1";

  it(
    "are identical to the cent for random data, edits and filters",
    async () => {
      await fc.assert(
        fc.asyncProperty(
          worldSpec,
          queryBatch,
          queryBatch,
          async (world, queriesBefore, queriesAfter) => {
            // A fresh copy per data set (FINAL reads get slower as parts pile up); PostgreSQL
            // keeps earlier data sets' programs, which must not leak into this one's numbers.
            const programs = await seedWorldAndCopy({ db, analytics }, world);
            await expectAgreement(programs, queriesBefore, "after the first sync");

            for (const program of programs) await applyEdits(db, program);
            await analytics.sync();
            await expectAgreement(programs, queriesAfter, "after edits delivered by the outbox");
          },
        ),
        {
          numRuns,
          seed: SEED,
          path: process.env.FC_PATH,
          endOnFailure: !shrink,
          // Shrinking seeds a database per attempt: bounded, so the failure still gets reported.
          ...(shrink && { interruptAfterTimeLimit: 240_000, markInterruptAsFailure: true }),
        },
      );
    },
    // A data set takes 20–40 s on a loaded 2-core machine (88 s for the three on PGlite, alone).
    60_000 + numRuns * 40_000 + (shrink ? 240_000 : 0),
  );
});
