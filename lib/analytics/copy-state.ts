import type { Prisma, PrismaClient } from "../generated/prisma/client";
import { chsql, chTable } from "./ch-sql";
import type { ClickHouse } from "./clickhouse";
import { nextAnalyticsVersion } from "./load-pg-rows";

type Db = Prisma.TransactionClient | PrismaClient;

// A copy (`backfillAnalytics`) removes each program's outbox rows before it reads the program:
// what they named is read by the copy itself. A copy stopped halfway (a SIGTERM while a new server
// filled its copy, a crash, an interrupted `npm run analytics:sync`) has removed rows whose
// changes it never wrote, and the next process must not take the half-filled copy for a whole
// one. So a copy says when it starts and when it is done, in `copy_state` (newest version per
// name): a copy started and not done since is copied again, which is safe to repeat.
const STARTED = "copy_started";
const DONE = "copy_done";

/** Records a fact about the copy (`copy_state`), stamped with a fresh version. */
export async function markCopyState(db: Db, ch: ClickHouse, name: string): Promise<void> {
  await ch.insert("copy_state", [{ name, version: await nextAnalyticsVersion(db) }]);
}

/** The newest version recorded for each of `names` (0 when never recorded). */
export async function copyStateVersions(ch: ClickHouse, names: string[]) {
  const marks = await ch.query<{ name: string; version: string }>(
    chsql`SELECT name, toString(version) AS version FROM ${chTable("copy_state")} FINAL
          WHERE has(${names}, name)`,
  );
  return (name: string) => BigInt(marks.find((m) => m.name === name)?.version ?? 0);
}

/** Recorded before a copy removes any outbox row. */
export const markCopyStarted = (db: Db, ch: ClickHouse) => markCopyState(db, ch, STARTED);

/** Recorded once every program was copied. */
export const markCopyDone = (db: Db, ch: ClickHouse) => markCopyState(db, ch, DONE);

/**
 * Why the copy must be filled before it answers, or null when it need not: it is empty, or a copy
 * started after the last one that finished. (A copy made before these marks existed and holding
 * rows counts as whole, as it did then.)
 */
export async function copyToFill(ch: ClickHouse): Promise<"empty" | "interrupted" | null> {
  const version = await copyStateVersions(ch, [STARTED, DONE]);
  if (version(STARTED) > version(DONE)) return "interrupted";
  // A bounded probe (LIMIT 1), not a count of everything.
  const rows = await ch.query(chsql`SELECT 1 FROM ${chTable("partnerships")} LIMIT 1`);
  return rows.length === 0 ? "empty" : null;
}
