// Deleting a program (issue 24) removes everything of it from PostgreSQL — every table with a
// program_id column, read from the catalog — and from the analytics copy, and the outbox worker
// cannot bring any of it back; another program is untouched.
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { chConst, chEmpty, chsql, chTable } from "../analytics/ch-sql";
import type { ClickHouse } from "../analytics/clickhouse";
import { pendingCopyDeletes } from "../analytics/delete-program-analytics";
import { drainOutbox } from "../analytics/drain-outbox";
import { purgeDeletedPrograms } from "../analytics/purge-deleted-programs";
import { ANALYTICS_TABLES } from "../analytics/schema";
import { isLiveSession } from "../auth/is-live-session";
import { startUserSession } from "../auth/start-user-session";
import { countProgramRows, programOwnedTables, seedFullProgram } from "../testing/full-program";
import { analyticsCases, openTestAnalytics, type TestAnalytics } from "../testing/test-analytics";
import { createTestDatabase, type TestDatabase } from "../testing/test-database";
import { deleteProgram } from "./delete-program";

describe.each(analyticsCases(inject("engines")))(
  "deleting a program on $db, analytics on $analytics",
  ({ db: engine, analytics: kind }) => {
    let db: TestDatabase;
    let analytics: TestAnalytics;
    beforeAll(async () => {
      db = await createTestDatabase(engine);
      analytics = await openTestAnalytics(kind, db);
    });
    afterAll(async () => {
      await analytics.close();
      await db.close();
    });

    const copyRows = (programId: number) =>
      analytics.ch ? rowsInCopy(analytics.ch, programId) : Promise.resolve({});

    it("leaves no row of it in any table or in the copy, and keeps the other program", async () => {
      const doomed = await seedFullProgram(db.prisma);
      const kept = await seedFullProgram(db.prisma);
      await analytics.sync();
      // A change the copy has yet to receive: the worker must not deliver it after the delete.
      await db.prisma.action.update({
        where: { programId_id: { programId: doomed.program.id, id: doomed.ids.action } },
        data: { archivedAt: new Date() },
      });

      const tables = await programOwnedTables(db.prisma);
      expect(tables).toEqual(
        expect.arrayContaining(["actions", "analytics_outbox", "audit_events"]),
      );
      const before = await countProgramRows(db.prisma, doomed.program.id);
      // The fixture fills every table, so "none left" below means something.
      for (const table of tables) expect(before[table], table).toBeGreaterThan(0);
      const keptBefore = await countProgramRows(db.prisma, kept.program.id);
      const keptCopy = await copyRows(kept.program.id);
      if (analytics.ch) {
        for (const [table, n] of Object.entries(await copyRows(doomed.program.id))) {
          expect(n, table).toBeGreaterThan(0);
        }
      }

      // The owner is signed in, and stays signed in (for their other programs, or to make one).
      const session = await startUserSession(db.prisma, doomed.owner.id, 3600);

      expect(await deleteProgram(db.prisma, doomed.program.id, analytics.ch)).toEqual({
        copyCleared: true,
      });
      await analytics.sync();
      expect(await isLiveSession(db.prisma, session, doomed.owner.id)).toBe(true);

      const after = await countProgramRows(db.prisma, doomed.program.id);
      expect(
        Object.values(after).every((n) => n === 0),
        JSON.stringify(after),
      ).toBe(true);
      expect(await countProgramRows(db.prisma, kept.program.id)).toEqual(keptBefore);
      if (analytics.ch) await deletesApplied(analytics.ch);
      for (const [table, n] of Object.entries(await copyRows(doomed.program.id))) {
        expect(n, table).toBe(0);
      }
      expect(await copyRows(kept.program.id)).toEqual(keptCopy);
    });
  },
);

describe.each(analyticsCases(inject("engines")).filter((c) => c.analytics !== "postgres"))(
  "deleting a program from the copy on $db, analytics on $analytics",
  ({ db: engine, analytics: kind }) => {
    let db: TestDatabase;
    let analytics: TestAnalytics;
    beforeAll(async () => {
      db = await createTestDatabase(engine);
      analytics = await openTestAnalytics(kind, db);
    });
    afterAll(async () => {
      await analytics.close();
      await db.close();
    });
    const copyRows = (programId: number) => rowsInCopy(analytics.ch!, programId);

    it("lets no delivery in flight bring rows back", async () => {
      const ch = analytics.ch!;
      for (let round = 0; round < 3; round++) {
        const doomed = await seedFullProgram(db.prisma);
        // Rows of the program wait in the outbox while the drain and the delete race.
        await Promise.all([
          drainOutbox(db.prisma, ch),
          deleteProgram(db.prisma, doomed.program.id, ch),
        ]);
        await analytics.sync();
        await deletesApplied(ch);
        for (const [table, n] of Object.entries(await copyRows(doomed.program.id))) {
          expect(n, `round ${round}: ${table}`).toBe(0);
        }
      }
    });

    // A deletion used to wait until ClickHouse had applied it (seconds per table, tens of seconds
    // on a copy of hundreds of parts); embedded ClickHouse runs one statement at a time, so every
    // other program's tab and the outbox waited with it. With merges stopped the copy cannot
    // apply a delete at all: the deletion must still return and the copy keep serving.
    it("does not wait for the copy to apply it: other programs are copied and read meanwhile", async () => {
      const ch = analytics.ch!;
      const doomed = await seedFullProgram(db.prisma);
      const kept = await seedFullProgram(db.prisma);
      await analytics.sync();
      for (const table of ANALYTICS_TABLES)
        await ch.command(chsql`SYSTEM STOP MERGES ${chTable(table)}`);
      try {
        expect(await deleteProgram(db.prisma, doomed.program.id, ch)).toEqual({
          copyCleared: true,
        });
        await db.prisma.action.update({
          where: { programId_id: { programId: kept.program.id, id: kept.ids.action } },
          data: { archivedAt: new Date() },
        });
        await drainOutbox(db.prisma, ch);
        const [archived] = await ch.query<{ archived: number }>(
          chsql`SELECT archived FROM ${chTable("actions")} FINAL
            WHERE program_id = ${kept.program.id} AND id = ${kept.ids.action}`,
        );
        expect(Number(archived.archived)).toBe(1);
      } finally {
        for (const table of ANALYTICS_TABLES)
          await ch.command(chsql`SYSTEM START MERGES ${chTable(table)}`);
      }
      await deletesApplied(ch);
      for (const [table, n] of Object.entries(await copyRows(doomed.program.id))) {
        expect(n, table).toBe(0);
      }
    });

    it("clears a program from the copy later when the copy missed its deletion", async () => {
      const doomed = await seedFullProgram(db.prisma);
      const kept = await seedFullProgram(db.prisma);
      await analytics.sync();
      const keptCopy = await copyRows(kept.program.id);
      // The copy unreachable at the time: PostgreSQL alone was cleared.
      await deleteProgram(db.prisma, doomed.program.id, null);
      expect(await purgeDeletedPrograms(db.prisma, analytics.ch!)).toContain(doomed.program.id);
      await deletesApplied(analytics.ch!);
      for (const [table, n] of Object.entries(await copyRows(doomed.program.id))) {
        expect(n, table).toBe(0);
      }
      expect(await copyRows(kept.program.id)).toEqual(keptCopy);
    });
  },
);

/** Waits until ClickHouse has applied every delete queued on the copy. */
async function deletesApplied(ch: ClickHouse) {
  const deadline = Date.now() + 45_000;
  while ((await pendingCopyDeletes(ch)) > 0) {
    if (Date.now() > deadline) throw new Error("the copy's deletes were not applied in 45 s");
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Rows of a program in each table of the copy: with FINAL (what queries read) and raw. */
async function rowsInCopy(ch: ClickHouse, programId: number) {
  const counts: Record<string, number> = {};
  for (const table of ANALYTICS_TABLES) {
    for (const final of [false, true]) {
      const [row] = await ch.query<{ n: string }>(
        chsql`SELECT count() AS n FROM ${chTable(table)} ${final ? chConst("FINAL") : chEmpty}
          WHERE program_id = ${programId}`,
      );
      counts[`${table}${final ? " FINAL" : ""}`] = Number(row.n);
    }
  }
  return counts;
}
