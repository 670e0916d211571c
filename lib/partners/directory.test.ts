// The Partners directory against a model of the seeded data (per-partnership numbers, order),
// against the Actions tab's own totals under random filters, and page by page: on each
// database, answered by the database itself and by ClickHouse (chdb).
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { getOccurrenceTable } from "../stats/get-occurrence-table";
import { getSummary } from "../stats/get-summary";
import { NO_ACTION_AT, type PartnerStats } from "../stats/engine";
import { tabScope } from "../stats/scope";
import { DEFAULT_FILTERS } from "../stats/url/search-params";
import { querySpec, resolveQuery } from "../testing/random-tab-query";
import { worldSpec } from "../testing/random-tab-world";
import { walkDirectory } from "../testing/read-directory";
import { seedRandomProgram, type SeededProgram } from "../testing/seed-random-world";
import { analyticsCases, openTestAnalytics, type TestAnalytics } from "../testing/test-analytics";
import { createTestDatabase, type TestDatabase } from "../testing/test-database";
import { DIRECTORY_SORTS, type DirectoryState } from "./directory-params";
import { getDirectoryPage, listDirectory, type DirectoryRow } from "./get-partner-directory";

const SEED = 20261126;
// The richest of a few sampled worlds: most partnerships (several pages of two), then most actions.
const [world] = fc
  .sample(worldSpec, { seed: SEED, numRuns: 40 })
  .sort(
    (a, b) =>
      b.programs[0].partners.length - a.programs[0].partners.length ||
      b.programs[0].actions.length - a.programs[0].actions.length,
  );
const queries = fc.sample(querySpec, { seed: SEED, numRuns: 12 });

/** Each partnership's numbers in [start, end) computed from the seeded actions alone. */
function modelStats(s: SeededProgram, start: number | null, end: number | null) {
  const stats = new Map<number, PartnerStats>(
    s.partnerIds.map((id) => [id, { id, actions: 0, rewardCents: 0, lastActionAt: null }]),
  );
  for (const a of s.actions) {
    if (a.archived) continue;
    const row = stats.get(a.partnershipId)!;
    row.lastActionAt = Math.max(row.lastActionAt ?? -Infinity, a.occurredAt);
    if ((start !== null && a.occurredAt < start) || (end !== null && a.occurredAt >= end)) continue;
    row.actions += 1;
    row.rewardCents += a.rewardCents;
  }
  return stats;
}

const numbersOf = (r: DirectoryRow) => ({
  actions: r.actions,
  rewardCents: r.rewardCents,
  lastActionAt: r.lastActionAt,
});

describe.each(analyticsCases(inject("engines")))(
  "the Partners directory on $db, counted by $analytics",
  ({ db: engine, analytics: kind }) => {
    let db: TestDatabase;
    let analytics: TestAnalytics;
    let s: SeededProgram;
    beforeAll(async () => {
      db = await createTestDatabase(engine);
      analytics = await openTestAnalytics(kind, db);
      s = await seedRandomProgram(db, world.programs[0]);
      // Another program in the same tables: none of its partnerships may appear.
      await seedRandomProgram(db, world.programs[1]);
      await analytics.sync();
    });
    afterAll(async () => {
      await analytics?.close();
      await db?.close();
    });

    const scopeFor = (filters = DEFAULT_FILTERS, now = Date.now()) =>
      tabScope(analytics.engine, s.program, filters, now);
    const list = (d: Partial<DirectoryState>, scope = scopeFor()) =>
      listDirectory(db, scope, { sort: "actions", dir: "desc", after: null, ...d }, null);

    it("lists every partnership of the program once, with the model's numbers, in each timeframe", async () => {
      for (const q of queries) {
        const { filters, now } = resolveQuery(q, s);
        const scope = scopeFor({ ...DEFAULT_FILTERS, timeframe: filters.timeframe }, now);
        const expected = modelStats(s, scope.range.start, scope.range.end);
        const rows = await list({}, scope);
        expect(rows.map((r) => r.id).sort((a, b) => a - b)).toEqual(
          [...s.partnerIds].sort((a, b) => a - b),
        );
        for (const row of rows) {
          const { id, ...numbers } = expected.get(row.id)!;
          expect(numbersOf(row), `partnership ${id}, ${JSON.stringify(filters.timeframe)}`).toEqual(
            numbers,
          );
        }
      }
    });

    it("scopes the tab's numbers to one partner on a partner page, as the model counts them", async () => {
      // Any time among them (on ClickHouse the tiles and table then read the totals summed ahead).
      const timeframes = queries.slice(0, 4).map((q) => resolveQuery(q, s));
      timeframes.push({
        ...timeframes[0],
        filters: { ...DEFAULT_FILTERS, timeframe: { kind: "any" } },
      });
      for (const { filters, now } of timeframes) {
        const base = scopeFor({ ...DEFAULT_FILTERS, timeframe: filters.timeframe }, now);
        const expected = modelStats(s, base.range.start, base.range.end);
        for (const id of s.partnerIds) {
          const partnerPage = { ...base, partnershipId: id };
          const { current } = await getSummary(partnerPage);
          const table = await getOccurrenceTable(
            partnerPage,
            { sort: "occurrences", dir: "desc", page: 1 },
            null,
          );
          const want = {
            actions: expected.get(id)!.actions,
            rewardCents: expected.get(id)!.rewardCents,
          };
          const where = `partnership ${id}, ${JSON.stringify(filters.timeframe)}`;
          expect({ actions: current.occurrences, rewardCents: current.rewardCents }, where).toEqual(
            want,
          );
          expect(
            {
              actions: table.rows.reduce((n, r) => n + r.occurrences, 0),
              rewardCents: table.rows.reduce((n, r) => n + r.rewardCents, 0),
            },
            `table, ${where}`,
          ).toEqual(want);
        }
      }
    });

    it("orders by each column as a plain sort of the model would, ties by id", async () => {
      const scope = scopeFor({ ...DEFAULT_FILTERS, timeframe: { kind: "any" } });
      const stats = modelStats(s, null, null);
      const names = new Map(s.partnerIds.map((id, i) => [id, s.partnerNames[i]]));
      const emails = new Map(s.partnerIds.map((id, i) => [id, s.partnerEmails[i]]));
      const bytes = (t: string) => Buffer.from(t, "utf8");
      const key: Record<(typeof DIRECTORY_SORTS)[number], (id: number) => number | Buffer> = {
        name: (id) => bytes(names.get(id)!),
        email: (id) => bytes(emails.get(id)!),
        joined: (id) => id, // created one after another: joined in id order
        actions: (id) => stats.get(id)!.actions,
        rewards: (id) => stats.get(id)!.rewardCents,
        last_action: (id) => stats.get(id)!.lastActionAt ?? NO_ACTION_AT,
      };
      for (const sort of DIRECTORY_SORTS) {
        if (sort === "joined") continue; // seeded partnerships share a joined instant
        for (const dir of ["asc", "desc"] as const) {
          const compare = (a: number, b: number) => {
            const [x, y] = [key[sort](a), key[sort](b)];
            const c = Buffer.isBuffer(x) ? Buffer.compare(x, y as Buffer) : x - (y as number);
            return (dir === "asc" ? c : -c) || a - b;
          };
          const rows = await list({ sort, dir }, scope);
          expect(
            rows.map((r) => r.id),
            `${sort} ${dir}`,
          ).toEqual([...s.partnerIds].sort(compare));
        }
      }
    });

    it("adds up to the Actions tab's numbers under the same filters", async () => {
      for (const q of queries) {
        const { filters, now } = resolveQuery(q, s);
        const scope = scopeFor(filters, now);
        const rows = await list({}, scope);
        const { current } = await getSummary(scope);
        const withActions = rows.filter((r) => r.actions > 0);
        expect(
          {
            occurrences: withActions.reduce((n, r) => n + r.actions, 0),
            rewardCents: withActions.reduce((n, r) => n + r.rewardCents, 0),
            partners: withActions.length,
          },
          JSON.stringify(filters),
        ).toEqual({
          occurrences: current.occurrences,
          rewardCents: current.rewardCents,
          partners: current.partners,
        });
      }
    });

    it("pages by cursor in every order with no gap and no repeat", async () => {
      expect(s.partnerIds.length).toBeGreaterThanOrEqual(5);
      const scope = scopeFor({ ...DEFAULT_FILTERS, timeframe: { kind: "any" } });
      for (const sort of DIRECTORY_SORTS) {
        for (const dir of ["asc", "desc"] as const) {
          const whole = await list({ sort, dir }, scope);
          const pages = await walkDirectory(db, scope, { sort, dir }, 2);
          expect(
            pages.flatMap((p) => p.rows.map((r) => r.id)),
            `${sort} ${dir}`,
          ).toEqual(whole.map((r) => r.id));
          expect(pages.every((p) => p.total === s.partnerIds.length)).toBe(true);
          expect(pages.at(-1)!.next).toBeNull();
        }
      }
    });

    // Last: it archives actions.
    it("starts a later page where the last one ended, though the numbers changed meanwhile", async () => {
      const scope = () => scopeFor({ ...DEFAULT_FILTERS, timeframe: { kind: "any" } });
      const d = { sort: "actions" as const, dir: "desc" as const };
      const before = await list(d, scope());
      const first = await getDirectoryPage(db, scope(), { ...d, after: null }, 2);
      const moved = first.rows[1];
      expect(moved.actions).toBeGreaterThan(0);
      // The last row of page 1 loses every action (it would now sort last).
      await db.prisma.action.updateMany({
        where: { programId: s.program.id, partnershipId: moved.id },
        data: { archivedAt: new Date() },
      });
      await analytics.sync();
      const second = await getDirectoryPage(db, scope(), { ...d, after: first.next }, 2);
      expect(second.rows.map((r) => r.id)).toEqual(before.slice(2, 4).map((r) => r.id));
    });
  },
);
