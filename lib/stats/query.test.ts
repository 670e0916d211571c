import Papa from "papaparse";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { seedTabProgram, type ModelAction, type ModelPartner } from "../testing/tab-fixture";
import { analyticsCases, openTestAnalytics, type TestAnalytics } from "../testing/test-analytics";
import { createTestDatabase, type TestDatabase } from "../testing/test-database";
import { MAX_BUCKETS } from "./timeframe/buckets";
import { DEFAULT_FILTERS, TABLE_SORTS, type ActionsTabFilters } from "./url/search-params";
import { parseTimeframe } from "./timeframe/timeframe";
import { chDrillCsv } from "./clickhouse/ch-csv";
import { countNewActions } from "./count-new-actions";
import { getDrillDown } from "./get-drill-down";
import { getOccurrenceTable, type OccurrenceRow } from "./get-occurrence-table";
import { getSeries } from "./get-series";
import { getSummary } from "./get-summary";
import { NEWEST_FIRST, type Selection } from "./engine";
import { tabScope } from "./scope";

const NOW = Date.parse("2026-03-10T16:00:00Z"); // Tuesday, noon in New York (EDT)

type Fixture = Awaited<ReturnType<typeof seedTabProgram>>;

// ——— The independent computation: plain array filtering over what the fixture wrote. ———
function expectedSummary(actions: ModelAction[]) {
  return {
    occurrences: actions.length,
    totalValue: actions.reduce((s, a) => s + a.value, 0),
    rewardCents: actions.reduce((s, a) => s + a.rewardCents, 0),
    partners: new Set(actions.map((a) => a.partnerId)).size,
    customers: new Set(actions.filter((a) => a.customerId !== null).map((a) => a.customerId)).size,
  };
}

function select(
  f: Fixture,
  partner: (p: ModelPartner) => boolean,
  from: number | null = null,
  to: number | null = null,
) {
  const byId = new Map(f.partners.map((p) => [p.id, p]));
  return f.actions.filter(
    (a) =>
      !a.archived &&
      partner(byId.get(a.partnerId)!) &&
      (from === null || a.occurredAt >= from) &&
      (to === null || a.occurredAt < to),
  );
}

const localDay = (ms: number) =>
  new Intl.DateTimeFormat("en-CA", { timeZone: "America/New_York" }).format(new Date(ms));

describe.each(analyticsCases(inject("engines")))(
  "Actions tab query module on $db answered by $analytics",
  ({ db: engine, analytics: kind }) => {
    let db: TestDatabase;
    let analytics: TestAnalytics;
    let f: Fixture;
    beforeAll(async () => {
      db = await createTestDatabase(engine);
      f = await db.withRunner((runner) => seedTabProgram(db.prisma, runner));
      analytics = await openTestAnalytics(kind, db);
      await analytics.sync();
    });
    afterAll(async () => {
      await analytics.close();
      await db.close();
    });

    const scope = (overrides: Partial<ActionsTabFilters> = {}, now = NOW) =>
      tabScope(analytics.engine, f.program, { ...DEFAULT_FILTERS, ...overrides }, now);
    const summaryFor = async (overrides: Partial<ActionsTabFilters>) =>
      (await getSummary(scope(overrides))).current;
    const tf = (token: string) => parseTimeframe(token)!;

    it("counts each timeframe phrasing over the right local-time window", async () => {
      const all = () => true;
      const cases: [string, number | null, number | null][] = [
        ["any_time", null, null],
        // 2026-03-08 is 23 hours long in New York (clocks spring forward).
        ["on_2026-03-08", Date.parse("2026-03-08T05:00:00Z"), Date.parse("2026-03-09T04:00:00Z")],
        // New Year's Day, local midnight to midnight.
        [
          "range_2026-01-01_2026-01-02",
          Date.parse("2026-01-01T05:00:00Z"),
          Date.parse("2026-01-02T05:00:00Z"),
        ],
        [
          "range_2025-12-31_2026-01-02",
          Date.parse("2025-12-31T05:00:00Z"),
          Date.parse("2026-01-02T05:00:00Z"),
        ],
        ["this_month", Date.parse("2026-03-01T05:00:00Z"), Date.parse("2026-04-01T04:00:00Z")],
        ["last_month", Date.parse("2026-02-01T05:00:00Z"), Date.parse("2026-03-01T05:00:00Z")],
        ["past_7_days", Date.parse("2026-03-04T05:00:00Z"), null],
        [
          "past_2_complete_weeks",
          Date.parse("2026-02-23T05:00:00Z"),
          Date.parse("2026-03-09T04:00:00Z"),
        ],
        ["this_year", Date.parse("2026-01-01T05:00:00Z"), Date.parse("2027-01-01T05:00:00Z")],
        ["last_quarter", Date.parse("2025-10-01T04:00:00Z"), Date.parse("2026-01-01T05:00:00Z")],
        ["before_2026-01-01", null, Date.parse("2026-01-01T05:00:00Z")],
        ["since_2026-03-08", Date.parse("2026-03-08T05:00:00Z"), null],
        ["yesterday", Date.parse("2026-03-09T04:00:00Z"), Date.parse("2026-03-10T04:00:00Z")],
      ];
      for (const [token, from, to] of cases) {
        expect(await summaryFor({ timeframe: tf(token) }), token).toEqual(
          expectedSummary(select(f, all, from, to)),
        );
      }
    });

    it("applies every partner filter, alone and combined", async () => {
      const [affiliates, resellers] = f.groups;
      const [maya] = f.managers;
      const [vip, , literal] = f.tags;
      const any = { timeframe: tf("any_time") };
      const cases: [Partial<ActionsTabFilters>, (p: ModelPartner) => boolean][] = [
        [{ group: [affiliates.id] }, (p) => p.groupId === affiliates.id],
        [
          { group: [affiliates.id, resellers.id], group_op: "exclude" },
          (p) => p.groupId !== affiliates.id && p.groupId !== resellers.id,
        ],
        [{ manager: [maya.id] }, (p) => p.managerId === maya.id],
        [{ manager: [maya.id], manager_op: "exclude" }, (p) => p.managerId !== maya.id],
        [{ name: "ada" }, (p) => p.name.toLowerCase().includes("ada")],
        [{ name: "ce hop" }, (p) => p.name.toLowerCase().includes("ce hop")],
        [{ email: "@CORP" }, (p) => p.email.includes("@corp")],
        [{ email: "%" }, () => false],
        [{ tag: [vip.id] }, (p) => p.tagIds.includes(vip.id)],
        [
          { tag: [vip.id, literal.id], tag_op: "none_of" },
          (p) => !p.tagIds.includes(vip.id) && !p.tagIds.includes(literal.id),
        ],
        [{ marketplace: "yes" }, (p) => p.marketplace],
        [{ marketplace: "no" }, (p) => !p.marketplace],
        [{ archived: "yes" }, (p) => p.archived],
        [{ archived: "no" }, (p) => !p.archived],
        [
          {
            group: [resellers.id],
            group_op: "exclude",
            marketplace: "no",
            tag: [vip.id],
            tag_op: "none_of",
            email: "mail",
          },
          (p) =>
            p.groupId !== resellers.id &&
            !p.marketplace &&
            !p.tagIds.includes(vip.id) &&
            p.email.includes("mail"),
        ],
      ];
      for (const [filters, predicate] of cases) {
        const expected = expectedSummary(select(f, predicate));
        expect(await summaryFor({ ...any, ...filters }), JSON.stringify(filters)).toEqual(expected);
      }
      // A sanity check that the filters above really split the data.
      expect(expectedSummary(select(f, (p) => p.marketplace)).occurrences).toBeGreaterThan(0);
      expect(expectedSummary(select(f, (p) => !p.marketplace)).occurrences).toBeGreaterThan(0);
    });

    it("applies the action type filter, alone, excluded and with a partner filter", async () => {
      const [signup, demo] = f.types;
      const [affiliates] = f.groups;
      const any = { timeframe: tf("any_time") };
      const byId = new Map(f.partners.map((p) => [p.id, p]));
      const expected = (type: (name: string) => boolean, partner: (p: ModelPartner) => boolean) =>
        expectedSummary(
          f.actions.filter((a) => !a.archived && type(a.type) && partner(byId.get(a.partnerId)!)),
        );
      const cases: [
        Partial<ActionsTabFilters>,
        (name: string) => boolean,
        (p: ModelPartner) => boolean,
      ][] = [
        [{ action_type: [signup.id] }, (t) => t === signup.name, () => true],
        [
          { action_type: [signup.id, demo.id], action_type_op: "exclude" },
          (t) => t !== signup.name && t !== demo.name,
          () => true,
        ],
        [
          { action_type: [demo.id], group: [affiliates.id] },
          (t) => t === demo.name,
          (p) => p.groupId === affiliates.id,
        ],
      ];
      for (const [filters, type, partner] of cases) {
        const want = expected(type, partner);
        expect(want.occurrences, JSON.stringify(filters)).toBeGreaterThan(0);
        expect(await summaryFor({ ...any, ...filters }), JSON.stringify(filters)).toEqual(want);
        // The drill-down lists exactly those actions.
        const all = { partner: null, type: null, value: null, after: null };
        const drill = await getDrillDown(scope({ ...any, ...filters }), all, 10_000);
        expect(drill.total, JSON.stringify(filters)).toBe(want.occurrences);
        expect(drill.rows).toHaveLength(want.occurrences);
        for (const row of drill.rows) expect(type(row.actionType)).toBe(true);
      }
    });

    it("compares with the previous equal period", async () => {
      const { current, previous } = await getSummary(scope({ timeframe: tf("past_7_days") }));
      expect(current).toEqual(
        expectedSummary(select(f, () => true, Date.parse("2026-03-04T05:00:00Z"), null)),
      );
      // Seven days earlier, cut at the same local time as now.
      expect(previous).toEqual(
        expectedSummary(
          select(
            f,
            () => true,
            Date.parse("2026-02-25T05:00:00Z"),
            Date.parse("2026-03-03T17:00:00Z"),
          ),
        ),
      );
      expect((await getSummary(scope({ timeframe: tf("any_time") }))).previous).toBeNull();
    });

    it("buckets the chart by local day and Monday weeks, with empty buckets as zeros", async () => {
      const range = { timeframe: tf("range_2026-03-02_2026-03-16") };
      const days = await getSeries(scope({ ...range, timescale: "day" }));
      expect(days.rows.map((r) => r.bucket)).toEqual(
        Array.from({ length: 14 }, (_, i) => `2026-03-${String(i + 2).padStart(2, "0")}`),
      );
      const inRange = select(
        f,
        () => true,
        Date.parse("2026-03-02T05:00:00Z"),
        Date.parse("2026-03-16T04:00:00Z"),
      );
      for (const row of days.rows) {
        for (const type of days.types) {
          const expected = inRange.filter(
            (a) => a.type === type && localDay(a.occurredAt) === row.bucket,
          ).length;
          expect(row[type], `${row.bucket} ${type}`).toBe(expected);
        }
      }
      const weeks = await getSeries(scope({ ...range, timescale: "week" }));
      expect(weeks.rows.map((r) => r.bucket)).toEqual(["2026-03-02", "2026-03-09"]);
      const total = (rows: typeof weeks.rows) =>
        rows.reduce((s, r) => s + weeks.types.reduce((t, type) => t + Number(r[type]), 0), 0);
      expect(total(weeks.rows)).toBe(inRange.length);
      expect(total(days.rows)).toBe(inRange.length);
    });

    it("draws an 8,000-year timeframe in bounded buckets holding every action", async () => {
      const s = scope({ timeframe: tf("range_1970-01-01_9999-12-31"), timescale: "day" });
      const series = await getSeries(s);
      expect(series.requestedUnit).toBe("day");
      expect(series.rows.length).toBeLessThanOrEqual(MAX_BUCKETS);
      const drawn = series.rows.reduce(
        (sum, r) => sum + series.types.reduce((t, type) => t + Number(r[type]), 0),
        0,
      );
      expect(drawn).toBe(select(f, () => true).length);
    });

    it("writes the whole table as CSV in the screen's order, page after page, for every sort", async () => {
      const s = scope({ timeframe: tf("any_time") });
      for (const sort of TABLE_SORTS) {
        for (const dir of ["asc", "desc"] as const) {
          const chunks: Uint8Array[] = [];
          for await (const chunk of s.engine.occurrenceCsv(s, { sort, dir })) chunks.push(chunk);
          const csv = Papa.parse<string[]>(Buffer.concat(chunks).toString("utf8"), {
            skipEmptyLines: true,
          }).data;
          const pages: OccurrenceRow[] = [];
          for (let page = 1; ; page++) {
            const t = await getOccurrenceTable(s, { sort, dir, page }, 5);
            pages.push(...t.rows);
            if (page >= t.pageCount) break;
          }
          expect(pages.length).toBeGreaterThan(5);
          const money = (c: number) => `${Math.floor(c / 100)}.${String(c % 100).padStart(2, "0")}`;
          expect(csv, `${sort} ${dir}`).toEqual(
            pages.map((r) => [
              r.partnerName,
              r.partnerEmail,
              r.partnerKey,
              r.actionType,
              String(r.actionValue),
              String(r.occurrences),
              money(r.rewardCents),
            ]),
          );
        }
      }
    });

    it("cuts ClickHouse's drill-down CSV into slices with no row lost, repeated or moved", async () => {
      if (!analytics.ch) return expect(kind).toBe("postgres");
      const s = scope({ timeframe: tf("any_time") });
      const read = async (selection: Selection, rowsPerSlice?: number) => {
        const chunks: Uint8Array[] = [];
        const names = new Map<number, string>();
        for await (const chunk of chDrillCsv(
          analytics.ch!,
          s,
          selection,
          NEWEST_FIRST,
          names,
          undefined,
          rowsPerSlice,
        ))
          chunks.push(chunk);
        return Buffer.concat(chunks).toString("utf8");
      };
      const everything = { partner: null, type: null, value: null };
      const whole = await read(everything);
      expect(whole.split("\n").length - 1).toBe(select(f, () => true).length);
      for (const size of [3, 7]) expect(await read(everything, size), `${size}`).toBe(whole);
      const partner = { ...everything, partner: f.partners[0].key };
      expect(await read(partner, 2)).toBe(await read(partner));
    });

    it("groups the table by partner, type and value, sorts it, pages it, and drills into each count", async () => {
      const s = scope({ timeframe: tf("any_time") });
      const full = await getOccurrenceTable(s, { sort: "occurrences", dir: "desc", page: 1 }, null);
      const groups = new Map<string, { occurrences: number; rewardCents: number }>();
      const byId = new Map(f.partners.map((p) => [p.id, p]));
      for (const a of select(f, () => true)) {
        const k = `${byId.get(a.partnerId)!.key}|${a.type}|${a.value}`;
        const g = groups.get(k) ?? { occurrences: 0, rewardCents: 0 };
        g.occurrences += 1;
        g.rewardCents += a.rewardCents;
        groups.set(k, g);
      }
      const actual = new Map(
        full.rows.map((r) => [
          `${r.partnerKey}|${r.actionType}|${r.actionValue}`,
          { occurrences: r.occurrences, rewardCents: r.rewardCents },
        ]),
      );
      expect(actual).toEqual(groups);
      expect(full.totalRows).toBe(groups.size);
      const counts = full.rows.map((r) => r.occurrences);
      expect(counts).toEqual([...counts].sort((x, y) => y - x));

      const page2 = await getOccurrenceTable(s, { sort: "occurrences", dir: "desc", page: 2 }, 10);
      expect(page2.rows).toEqual(full.rows.slice(10, 20));
      expect(page2.pageCount).toBe(Math.ceil(groups.size / 10));
      const byName = await getOccurrenceTable(s, { sort: "name", dir: "asc", page: 1 }, null);
      const namesInOrder = byName.rows.map((r) => r.partnerName);
      expect(namesInOrder).toEqual([...namesInOrder].sort((x, y) => (x < y ? -1 : x > y ? 1 : 0)));

      for (const row of full.rows.slice(0, 5)) {
        const keys: string[] = [];
        let after: string | null = null;
        let total = -1;
        do {
          const page = await getDrillDown(
            s,
            { partner: row.partnerKey, type: row.actionType, value: row.actionValue, after },
            2,
          );
          total = page.total;
          keys.push(...page.rows.map((r) => r.key));
          after = page.nextAfter;
        } while (after);
        expect(total).toBe(row.occurrences);
        expect(keys).toHaveLength(row.occurrences);
        const expectedKeys = select(f, () => true)
          .filter(
            (a) =>
              byId.get(a.partnerId)!.key === row.partnerKey &&
              a.type === row.actionType &&
              a.value === row.actionValue,
          )
          .sort((x, y) => y.occurredAt - x.occurredAt)
          .map((a) => a.key);
        expect(keys).toEqual(expectedKeys);
      }
      const everything = await getDrillDown(s, {
        partner: null,
        type: null,
        value: null,
        after: null,
      });
      expect(everything.total).toBe(select(f, () => true).length);
    });

    it("counts only matching actions received after the view was read", async () => {
      const s = scope({ timeframe: tf("any_time"), group: [f.groups[0].id] }, Date.now());
      expect(await countNewActions(s, s.asOf)).toBe(0);
      const partner = f.partners.find((p) => p.groupId === f.groups[0].id)!;
      const other = f.partners.find((p) => p.groupId !== f.groups[0].id)!;
      const type = await db.prisma.actionType.findFirstOrThrow({
        where: { programId: f.program.id },
      });
      const later = new Date(s.asOf + 1000);
      for (const [key, p] of [
        ["new-1", partner],
        ["new-2", other],
      ] as const) {
        await db.prisma.action.create({
          data: {
            programId: f.program.id,
            key,
            actionTypeId: type.id,
            targetType: "partnership",
            partnershipId: p.id,
            occurredAt: later,
            createdAt: later,
          },
        });
      }
      await analytics.sync();
      expect(await countNewActions(s, s.asOf)).toBe(1);
    });
  },
);
