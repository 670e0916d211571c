// The drill-down's orders and paging, on every engine, against the fixture's own model: each order
// (time, value or reward, either way, ties by id the same way) read forward page by page, then
// back from the last page to the first, and as CSV (ClickHouse's in slices too).
import Papa from "papaparse";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { seedTabProgram, type ModelAction } from "../testing/tab-fixture";
import { analyticsCases, openTestAnalytics, type TestAnalytics } from "../testing/test-analytics";
import { createTestDatabase, type TestDatabase } from "../testing/test-database";
import { chDrillCsv } from "./clickhouse/ch-csv";
import type { DrillOrder, Selection } from "./engine";
import { getDrillDown, type DrillPage } from "./get-drill-down";
import { tabScope } from "./scope";
import { parseTimeframe } from "./timeframe/timeframe";
import { DEFAULT_FILTERS, DRILL_SORTS, SORT_DIRS } from "./url/search-params";

const NOW = Date.parse("2026-03-10T16:00:00Z");
// Pages of 12 rows: several pages for each selection (and ties across their edges), without
// hundreds of queries per order on ClickHouse.
const PAGE = 12;
const ORDERS: DrillOrder[] = DRILL_SORTS.flatMap((sort) => SORT_DIRS.map((dir) => ({ sort, dir })));

type Fixture = Awaited<ReturnType<typeof seedTabProgram>>;

const sortValue = (a: ModelAction, sort: DrillOrder["sort"]) =>
  sort === "time" ? a.occurredAt : sort === "value" ? a.value : a.rewardCents;

describe.each(analyticsCases(inject("engines")))(
  "drill-down orders on $db answered by $analytics",
  ({ db: engine, analytics: kind }) => {
    let db: TestDatabase;
    let analytics: TestAnalytics;
    let f: Fixture;
    /** Action key → id: the ties' order (ids are the database's, the fixture has keys). */
    let idOf: Map<string, bigint>;
    beforeAll(async () => {
      db = await createTestDatabase(engine);
      f = await db.withRunner((runner) => seedTabProgram(db.prisma, runner));
      analytics = await openTestAnalytics(kind, db);
      await analytics.sync();
      const ids = await db.prisma.action.findMany({
        where: { programId: f.program.id },
        select: { id: true, key: true },
      });
      idOf = new Map(ids.map((a) => [a.key, BigInt(a.id)]));
    });
    afterAll(async () => {
      await analytics.close();
      await db.close();
    });

    const scope = () =>
      tabScope(
        analytics.engine,
        f.program,
        { ...DEFAULT_FILTERS, timeframe: parseTimeframe("any_time")! },
        NOW,
      );

    /** The independent answer: the model's live actions of a selection, sorted in JavaScript. */
    function expectedKeys(selection: Selection, order: DrillOrder): string[] {
      const keyOf = new Map(f.partners.map((p) => [p.id, p.key]));
      const sign = order.dir === "asc" ? 1 : -1;
      return f.actions
        .filter(
          (a) =>
            !a.archived &&
            (selection.partner === null || keyOf.get(a.partnerId) === selection.partner),
        )
        .sort((x, y) => {
          const by = sortValue(x, order.sort) - sortValue(y, order.sort);
          if (by !== 0) return sign * by;
          const ids = idOf.get(x.key)! - idOf.get(y.key)!;
          return sign * (ids > 0n ? 1 : ids < 0n ? -1 : 0);
        })
        .map((a) => a.key);
    }

    const request = (selection: Selection, order: DrillOrder) => ({
      ...selection,
      drill_sort: order.sort,
      drill_dir: order.dir,
    });
    const keys = (page: DrillPage) => page.rows.map((r) => r.key);

    const everything: Selection = { partner: null, type: null, value: null };
    const selections = () => [everything, { ...everything, partner: f.partners[1].key }];

    it.each(ORDERS.map((o) => [`${o.sort} ${o.dir}`, o] as const))(
      "lists every action by %s, page by page forward and back",
      async (_name, order) => {
        const s = scope();
        for (const selection of selections()) {
          const expected = expectedKeys(selection, order);
          expect(expected.length).toBeGreaterThan(2 * PAGE);
          const forward = await walk(s, selection, order);
          for (const [i, page] of forward.entries()) {
            expect(page.total).toBe(expected.length);
            expect(page.prevBefore === null, `page ${i} is the first`).toBe(i === 0);
          }
          expect(forward.map(keys).flat()).toEqual(expected);
          expect(forward.map(keys)[0]).toEqual(expected.slice(0, PAGE));

          // Back from the last page: each page is the one before it, down to the first.
          const backward: DrillPage[] = [forward[forward.length - 1]];
          while (backward[0].prevBefore !== null && backward.length < 100) {
            const page = await getDrillDown(
              s,
              { ...request(selection, order), after: null, before: backward[0].prevBefore },
              PAGE,
            );
            backward.unshift(page);
          }
          expect(backward.map(keys)).toEqual(forward.map(keys));
          expect(backward[0].prevBefore).toBeNull();
          expect(backward[0].nextAfter).toBe(forward[0].nextAfter);
        }
      },
    );

    /** Every page forward at PAGE rows. */
    async function walk(s: ReturnType<typeof scope>, selection: Selection, order: DrillOrder) {
      const pages: DrillPage[] = [];
      let after: string | null = null;
      do {
        const page: DrillPage = await getDrillDown(
          s,
          { ...request(selection, order), after },
          PAGE,
        );
        pages.push(page);
        after = page.nextAfter;
      } while (after && pages.length < 1000);
      expect(pages[pages.length - 1].nextAfter).toBeNull();
      return pages;
    }

    it.each(ORDERS.map((o) => [`${o.sort} ${o.dir}`, o] as const))(
      "writes the CSV by %s, as the screen lists it",
      async (_name, order) => {
        const s = scope();
        const csv = async (selection: Selection, rowsPerSlice?: number) => {
          const chunks: Uint8Array[] = [];
          const rows =
            rowsPerSlice === undefined
              ? s.engine.drillCsv(s, selection, order, new Map())
              : chDrillCsv(analytics.ch!, s, selection, order, new Map(), undefined, rowsPerSlice);
          for await (const chunk of rows) chunks.push(chunk);
          return Papa.parse<string[]>(Buffer.concat(chunks).toString("utf8"), {
            skipEmptyLines: true,
          }).data;
        };
        for (const selection of selections()) {
          const whole = await csv(selection);
          // Column 6 is the action key.
          expect(whole.map((cells) => cells[5])).toEqual(expectedKeys(selection, order));
          if (analytics.ch) expect(await csv(selection, PAGE)).toEqual(whole);
        }
      },
    );
  },
);
