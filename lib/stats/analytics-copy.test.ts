import { renderToStaticMarkup } from "react-dom/server";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { AnalyticsFreshnessNotice } from "../../components/ui/analytics-freshness-notice";
import { getSummary } from "./get-summary";
import { postgresTabEngine } from "./postgres/postgres-engine";
import { tabScope } from "./scope";
import { DEFAULT_FILTERS } from "./url/search-params";
import { parseTimeframe } from "./timeframe/timeframe";
import { seedTabProgram } from "../testing/tab-fixture";
import { openTestAnalytics, type TestAnalytics } from "../testing/test-analytics";
import { createTestDatabase, type TestDatabase } from "../testing/test-database";
import { backfillAnalytics } from "../analytics/backfill-analytics";
import type { ClickHouse } from "../analytics/clickhouse";
import { drainOutbox } from "../analytics/drain-outbox";
import { getAnalyticsFreshness } from "./get-analytics-freshness";
import { getOccurrenceTable } from "./get-occurrence-table";
import type { TabEngine } from "./engine";
import { ensureActionTotals } from "../analytics/action-totals";
import { chsql, chTable } from "../analytics/ch-sql";
import { copyToFill } from "../analytics/copy-state";
import { fillCopy } from "../analytics/fill-copy";
import { ANALYTICS_TABLES } from "../analytics/schema";

describe.each(inject("engines"))("analytics outbox on %s with embedded ClickHouse", (engine) => {
  let db: TestDatabase;
  let analytics: TestAnalytics;
  let ch: ClickHouse;
  let f: Awaited<ReturnType<typeof seedTabProgram>>;
  const anyTime = { ...DEFAULT_FILTERS, timeframe: parseTimeframe("any_time")! };
  // The independent answer: the system of record, read by the PostgreSQL engine.
  const truth = async () =>
    (await getSummary(tabScope(postgresTabEngine(db), f.program, anyTime))).current;
  const copy = async () =>
    (await getSummary(tabScope(analytics.engine, f.program, anyTime))).current;
  // The any-time table: on ClickHouse it is read from action_totals (summed ahead).
  const table = (tabEngine: TabEngine) =>
    getOccurrenceTable(
      tabScope(tabEngine, f.program, anyTime),
      { sort: "occurrences", dir: "desc", page: 1 },
      null,
    );
  const expectSameTable = async () =>
    expect(await table(analytics.engine)).toEqual(await table(postgresTabEngine(db)));
  const pending = () => db.prisma.analyticsOutbox.count({ where: { programId: f.program.id } });

  beforeAll(async () => {
    db = await createTestDatabase(engine);
    f = await db.withRunner((runner) => seedTabProgram(db.prisma, runner));
    analytics = await openTestAnalytics("chdb", db);
    ch = analytics.ch!;
  });
  afterAll(async () => {
    await analytics.close();
    await db.close();
  });

  it("writes outbox rows in the writer's transaction, and none for a rolled-back one", async () => {
    expect(await pending()).toBeGreaterThan(f.actions.length);
    const before = await db.prisma.analyticsOutbox.count();
    await expect(
      db.prisma.$transaction(async (tx) => {
        await tx.partnership.updateMany({
          where: { programId: f.program.id },
          data: { firstName: "Renamed" },
        });
        throw new Error("rolled back");
      }),
    ).rejects.toThrow("rolled back");
    expect(await db.prisma.analyticsOutbox.count()).toBe(before);
  });

  it("reports the lag while changes wait, and nothing once they are copied", async () => {
    const lagging = await getAnalyticsFreshness(
      db.prisma,
      { engine: analytics.engine, worker: { lastDrainAt: null, lastError: null } },
      f.program.id,
      Date.now() + 60_000,
    );
    expect(lagging!.lagMs).toBeGreaterThanOrEqual(60_000);
    const html = renderToStaticMarkup(
      AnalyticsFreshnessNotice({ freshness: lagging, timezone: f.program.timezone }),
    );
    expect(html).toContain("1 minute behind");

    await analytics.sync();
    expect(await pending()).toBe(0);
    const fresh = await getAnalyticsFreshness(
      db.prisma,
      { engine: analytics.engine, worker: { lastDrainAt: Date.now(), lastError: "timeout" } },
      f.program.id,
    );
    expect(fresh).toMatchObject({ lagMs: 0, oldestPendingAt: null, error: "timeout" });
    const down = await getAnalyticsFreshness(
      db.prisma,
      { engine: analytics.engine, worker: null, unavailable: "connect ECONNREFUSED" },
      f.program.id,
    );
    expect(
      renderToStaticMarkup(AnalyticsFreshnessNotice({ freshness: down, timezone: "UTC" })),
    ).toContain("cannot be reached (connect ECONNREFUSED)");
    expect(
      renderToStaticMarkup(AnalyticsFreshnessNotice({ freshness: fresh, timezone: "UTC" })),
    ).toContain("failing and will be retried: timeout");
    expect(
      AnalyticsFreshnessNotice({ freshness: { ...fresh!, error: null }, timezone: "UTC" }),
    ).toBeNull();
    expect(await copy()).toEqual(await truth());
  });

  it("survives a crash between the ClickHouse insert and the commit (delivered again, counted once)", async () => {
    const live = f.actions.find((a) => !a.archived)!;
    await db.prisma.action.update({
      where: { programId_key: { programId: f.program.id, key: live.key } },
      data: { archivedAt: new Date() },
    });
    const crashing: ClickHouse = {
      ...ch,
      async insert(table, rows) {
        await ch.insert(table, rows);
        if (table === "actions") throw new Error("process died after inserting");
      },
    };
    await expect(drainOutbox(db.prisma, crashing)).rejects.toThrow("process died");
    expect(await pending()).toBeGreaterThan(0);
    await analytics.sync();
    expect(await pending()).toBe(0);
    expect(await copy()).toEqual(await truth());
    await expectSameTable();
  });

  it("keeps the newest state when an older one lands late, and a rerun backfill changes nothing", async () => {
    const action = await db.prisma.action.findFirstOrThrow({
      where: { programId: f.program.id, archivedAt: { not: null } },
    });
    // A slow drainer that read this action before it was archived delivers after the archive.
    await ch.insert("actions", [
      {
        program_id: f.program.id,
        id: String(action.id),
        occurred_at: action.occurredAt.toISOString().replace("T", " ").replace("Z", ""),
        created_at: action.createdAt.toISOString().replace("T", " ").replace("Z", ""),
        key: action.key,
        action_type_id: action.actionTypeId,
        value: action.value,
        partnership_id: action.partnershipId,
        customer_id: action.customerId ?? 0,
        reward_cents: action.rewardCents,
        reward_outcome: "[]",
        archived: 0,
        version: "1",
      },
    ]);
    expect(await copy()).toEqual(await truth());
    await backfillAnalytics(db.prisma, ch);
    await backfillAnalytics(db.prisma, ch);
    expect(await copy()).toEqual(await truth());
    await expectSameTable();
  });

  it("counts the any-time table ahead, also for a copy made before those totals existed", async () => {
    await expectSameTable();
    await ch.command(chsql`TRUNCATE TABLE ${chTable("action_totals")}`);
    await ch.command(chsql`TRUNCATE TABLE ${chTable("copy_state")}`);
    // Proof the table is read from the totals: without them it is empty.
    expect((await table(analytics.engine)).rows).toEqual([]);
    await ensureActionTotals(db.prisma, ch);
    await expectSameTable();
    expect((await table(analytics.engine)).rows.length).toBeGreaterThan(0);
  });

  it("fills again a copy that was stopped anywhere, whose outbox rows it had already removed", async () => {
    const emptyCopy = async () => {
      for (const name of [...ANALYTICS_TABLES, "copy_state"]) {
        await ch.command(chsql`TRUNCATE TABLE ${chTable(name)}`);
      }
    };
    // How many inserts a whole copy makes: it can stop before any one of them.
    let inserts = 0;
    await emptyCopy();
    await backfillAnalytics(db.prisma, {
      ...ch,
      insert: (table, rows) => (inserts++, ch.insert(table, rows)),
    });
    expect(inserts).toBeGreaterThanOrEqual(4);
    for (let stopAt = 1; stopAt <= inserts; stopAt++) {
      // A change waiting in the outbox, then a new, empty copy filled by a server that stops
      // (SIGTERM) before its stopAt-th insert.
      const live = await db.prisma.action.findFirstOrThrow({
        where: { programId: f.program.id, archivedAt: null },
      });
      await db.prisma.action.update({
        where: { programId_id: { programId: f.program.id, id: live.id } },
        data: { archivedAt: new Date() },
      });
      expect(await pending()).toBeGreaterThan(0);
      await emptyCopy();
      let made = 0;
      const stopping: ClickHouse = {
        ...ch,
        async insert(table, rows) {
          if (++made === stopAt) throw new Error(`the server is stopping (insert ${stopAt})`);
          await ch.insert(table, rows);
        },
      };
      await expect(backfillAnalytics(db.prisma, stopping)).rejects.toThrow("stopping");
      // Past its first insert (its start mark), what the outbox held is gone: the copy was to
      // read it itself.
      if (stopAt > 1) expect(await pending()).toBe(0);
      expect(await copyToFill(ch), `stopped at insert ${stopAt}`).not.toBeNull();

      // The next server opening the copy fills it again before it answers.
      await fillCopy(db.prisma, ch);
      expect(await copyToFill(ch)).toBeNull();
      expect(await copy(), `stopped at insert ${stopAt}`).toEqual(await truth());
      await expectSameTable();
    }
  });

  it("ends a fill at its next step when the server stops, inserting nothing more", async () => {
    for (const name of [...ANALYTICS_TABLES, "copy_state"]) {
      await ch.command(chsql`TRUNCATE TABLE ${chTable(name)}`);
    }
    const stop = new AbortController();
    const inserted: string[] = [];
    const watched: ClickHouse = {
      ...ch,
      async insert(table, rows) {
        inserted.push(table);
        await ch.insert(table, rows);
        // SIGTERM arrives while the copy's second insert is under way.
        if (inserted.length === 2) stop.abort(new Error("the server is stopping"));
      },
    };
    await expect(fillCopy(db.prisma, watched, stop.signal)).rejects.toThrow(
      "the server is stopping",
    );
    expect(inserted).toHaveLength(2);
    expect(await copyToFill(ch)).toBe("interrupted");
    // An abort before anything was read ends it before its first insert.
    inserted.length = 0;
    await expect(
      fillCopy(db.prisma, watched, AbortSignal.abort(new Error("stopping"))),
    ).rejects.toThrow("stopping");
    expect(inserted).toEqual([]);
    await fillCopy(db.prisma, ch);
    expect(await copy()).toEqual(await truth());
    await expectSameTable();
  });

  // Two drainers at once need two connections: PGlite has one, so its drains never interleave
  // and the case exists on PostgreSQL only.
  if (engine === "postgres") {
    it.each(["before writing its actions", "before recounting"])(
      "keeps a key's total exact when two drainers count it at once, the first pausing %s",
      async (pause) => {
        // Two unarchived actions with the same partnership, type and value (one table row).
        const live = await db.prisma.action.findMany({
          where: { programId: f.program.id, archivedAt: null },
          orderBy: { id: "asc" },
        });
        const keyOf = (a: (typeof live)[number]) =>
          `${a.partnershipId}:${a.actionTypeId}:${a.value}`;
        const first = live.find((a) => live.some((b) => b.id !== a.id && keyOf(b) === keyOf(a)))!;
        const second = live.find((b) => b.id !== first.id && keyOf(b) === keyOf(first))!;
        const archive = (id: bigint) =>
          db.prisma.action.update({
            where: { programId_id: { programId: f.program.id, id } },
            data: { archivedAt: new Date() },
          });

        // Drainer A delivers the first archive and stops at `pause` until drainer B is done.
        let release!: () => void;
        const gate = new Promise<void>((resolve) => (release = resolve));
        let paused!: () => void;
        const waiting = new Promise<void>((resolve) => (paused = resolve));
        const stop = async () => {
          paused();
          await gate;
        };
        const slow: ClickHouse = {
          ...ch,
          async insert(name, rows) {
            if (pause === "before writing its actions" && name === "actions") await stop();
            return ch.insert(name, rows);
          },
          async query(sql) {
            const recount = sql.render(ch.database).query.includes("countIf(archived = 0)");
            if (pause === "before recounting" && recount) await stop();
            return ch.query(sql);
          },
        };
        await archive(first.id);
        const a = drainOutbox(db.prisma, slow);
        await waiting;
        // Meanwhile drainer B delivers the second archive (A holds the first's outbox rows).
        await archive(second.id);
        await drainOutbox(db.prisma, ch);
        release();
        await a;
        expect(await pending()).toBe(0);
        await expectSameTable();
        expect(await copy()).toEqual(await truth());
      },
    );
  }
});
