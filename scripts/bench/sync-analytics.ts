// Child of `npm run bench`: copies the benchmark database to embedded ClickHouse with the app's
// own backfill, unless the copy already matches (`--rebuild` forces it).
import { readFile, writeFile } from "node:fs/promises";
import os from "node:os";
import { ensureActionTotals } from "../../lib/analytics/action-totals";
import { backfillAnalytics } from "../../lib/analytics/backfill-analytics";
import { chsql, chTable } from "../../lib/analytics/ch-sql";
import type { ClickHouse } from "../../lib/analytics/clickhouse";
import type { OpenDatabase } from "../../lib/db/open";
import {
  dropAnalyticsDatabase,
  ensureAnalyticsSchema,
  type AnalyticsTable,
} from "../../lib/analytics/schema";
import { reportResult } from "./child-process";
import { openBenchStores } from "./open-bench-stores";
import { benchConfig } from "./config";

/** The last full sync of this copy (kept beside the chdb folder, so a reused copy still says). */
interface SyncStats {
  at: string;
  rows: number;
  backfillSeconds: number;
  optimizeSeconds: number;
  rowsPerSecond: number;
  loadAverage: number;
}

export interface SyncResult {
  skipped: boolean;
  last: SyncStats | null;
  clickhouseBytes: number;
  clickhouseVersion: string;
}

const TABLES: AnalyticsTable[] = [
  "action_types",
  "partnerships",
  "customers",
  "actions",
  "action_totals",
];

type Fingerprint = Record<string, string>;

/** Rows per program and table, and a checksum of the actions, as PostgreSQL holds them. */
async function pgFingerprint(db: OpenDatabase): Promise<Fingerprint> {
  const rows = await db.prisma.$queryRaw<{ k: string; v: string }[]>`
    SELECT 'actions/' || program_id AS k, count(*) || '/' || sum(reward_cents) || '/' ||
           (extract(epoch FROM max(occurred_at)) * 1000)::bigint || '/' || count(archived_at) AS v
    FROM actions GROUP BY program_id
    UNION ALL SELECT 'partnerships/' || program_id, count(*)::text FROM partnerships GROUP BY program_id
    UNION ALL SELECT 'customers/' || program_id, count(*)::text FROM customers GROUP BY program_id
    UNION ALL SELECT 'action_types/' || program_id, count(*)::text FROM action_types GROUP BY program_id
    UNION ALL SELECT 'totals/' || program_id, count(*) FILTER (WHERE archived_at IS NULL) || '/' ||
      COALESCE(sum(reward_cents) FILTER (WHERE archived_at IS NULL), 0)
      FROM actions GROUP BY program_id`;
  return Object.fromEntries(rows.map((r) => [r.k, r.v]));
}

async function chFingerprint(ch: ClickHouse): Promise<Fingerprint> {
  try {
    const rows = await ch.query<{ k: string; v: string }>(chsql`
      SELECT concat('actions/', toString(program_id)) AS k,
             concat(toString(count()), '/', toString(sum(reward_cents)), '/',
                    toString(toUnixTimestamp64Milli(max(occurred_at))), '/', toString(sum(archived))) AS v
      FROM ${chTable("actions")} FINAL GROUP BY program_id
      UNION ALL SELECT concat('partnerships/', toString(program_id)), toString(count())
        FROM ${chTable("partnerships")} FINAL GROUP BY program_id
      UNION ALL SELECT concat('customers/', toString(program_id)), toString(count())
        FROM ${chTable("customers")} FINAL GROUP BY program_id
      UNION ALL SELECT concat('action_types/', toString(program_id)), toString(count())
        FROM ${chTable("action_types")} FINAL GROUP BY program_id
      UNION ALL SELECT concat('totals/', toString(program_id)),
          concat(toString(sum(occurrences)), '/', toString(sum(reward_cents)))
        FROM ${chTable("action_totals")} FINAL GROUP BY program_id`);
    return Object.fromEntries(rows.map((r) => [r.k, r.v]));
  } catch {
    return {}; // no copy yet
  }
}

const same = (a: Fingerprint, b: Fingerprint) =>
  Object.keys(a).length === Object.keys(b).length && Object.keys(a).every((k) => a[k] === b[k]);

const config = benchConfig();
const { db, ch } = await openBenchStores(config);
const bytes = async () => {
  const [row] = await ch.query<{ b: string }>(chsql`
    SELECT toString(sum(bytes_on_disk)) AS b FROM system.parts
    WHERE database = ${config.analyticsDatabase} AND active`);
  return Number(row?.b ?? 0);
};

const [{ v: clickhouseVersion }] = await ch.query<{ v: string }>(chsql`SELECT version() AS v`);
const statsFile = `${config.analyticsPath}.last-sync.json`;
const expected = await pgFingerprint(db);
if (!config.rebuild) {
  // A copy made before action_totals existed gets them counted (as a server does when it opens it).
  await ensureAnalyticsSchema(ch);
  await ensureActionTotals(db.prisma, ch);
}
if (!config.rebuild && same(expected, await chFingerprint(ch))) {
  console.error(`ClickHouse copy at ${config.analyticsPath} matches PostgreSQL: not resynced.`);
  const last = await readFile(statsFile, "utf8").then(
    (text) => JSON.parse(text) as SyncStats,
    () => null,
  );
  reportResult({
    skipped: true,
    last,
    clickhouseBytes: await bytes(),
    clickhouseVersion,
  } satisfies SyncResult);
} else {
  await dropAnalyticsDatabase(ch);
  console.error(`Backfilling ClickHouse (chdb at ${config.analyticsPath}) …`);
  let reported = 0;
  const started = performance.now();
  const { rows } = await backfillAnalytics(db.prisma, ch, (p) => {
    if (p.entity === "action" && p.rows - reported >= 1_000_000) {
      reported = p.rows;
      const s = (performance.now() - started) / 1000;
      console.error(
        `  program ${p.programId}: ${p.rows.toLocaleString("en-US")} actions (${s.toFixed(0)} s)`,
      );
    }
  });
  const backfillSeconds = (performance.now() - started) / 1000;
  const loadAverage = os.loadavg()[0];
  console.error(
    `  backfill: ${rows.toLocaleString("en-US")} rows in ${backfillSeconds.toFixed(1)} s`,
  );
  // Merge what the backfill wrote into one part per partition, the state background merges reach
  // soon after: FINAL then has nothing left to merge at query time.
  const optimizeStarted = performance.now();
  for (const table of TABLES) await ch.command(chsql`OPTIMIZE TABLE ${chTable(table)} FINAL`);
  const optimizeSeconds = (performance.now() - optimizeStarted) / 1000;
  console.error(`  OPTIMIZE … FINAL: ${optimizeSeconds.toFixed(1)} s`);
  if (!same(expected, await chFingerprint(ch))) {
    throw new Error("ClickHouse copy differs after sync");
  }
  const last: SyncStats = {
    at: new Date().toISOString(),
    rows,
    backfillSeconds,
    optimizeSeconds,
    rowsPerSecond: rows / backfillSeconds,
    loadAverage,
  };
  await writeFile(statsFile, JSON.stringify(last));
  reportResult({
    skipped: false,
    last,
    clickhouseBytes: await bytes(),
    clickhouseVersion,
  } satisfies SyncResult);
}
