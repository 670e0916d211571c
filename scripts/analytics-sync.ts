// npm run analytics:sync [-- --reset] — copies the database's current state to the analytics copy
// named by ANALYTICS_URL (ClickHouse, embedded or server), creating its tables. Safe to rerun and
// to run while the app writes (changes after the copy's start arrive through the outbox). With
// --reset the analytics database is dropped first. Embedded folders (PGlite, chdb) allow one
// process each: stop the app first when it uses them.
import { readCommandLine } from "./lib/command-line.mjs";

const { values } = readCommandLine({
  command: "npm run analytics:sync",
  summary:
    "Copies the database's current state to the analytics copy named by ANALYTICS_URL (ClickHouse), creating its tables. Safe to rerun.",
  options: {
    reset: { type: "boolean", description: "Drop the analytics database first." },
  },
  notes: [
    "An embedded folder (PGlite, chdb) allows one process: stop the app first when it uses one.",
  ],
});

// The work's modules load after the command line is read: `--help` answers without them.
const { backfillAnalytics } = await import("../lib/analytics/backfill-analytics");
const { describeAnalyticsTarget, resolveAnalyticsTarget } =
  await import("../lib/analytics/analytics-target");
const { openClickHouse } = await import("../lib/analytics/clickhouse");
const { dropAnalyticsDatabase } = await import("../lib/analytics/schema");
const { describeTarget, resolveDatabaseTarget } = await import("../lib/db/connection");
const { migrate, openDatabase } = await import("../lib/db/open");

const analyticsTarget = resolveAnalyticsTarget();
if (analyticsTarget.engine === "postgres") {
  console.error(
    "ANALYTICS_URL is not set: the Actions tab reads the main database, nothing to sync.\n" +
      "Set ANALYTICS_URL=chdb://.data/analytics (embedded) or http://user:pass@host:8123/db.",
  );
  process.exit(1);
}
// ClickHouse first: an embedded folder is locked by its opener, so a running app stops us here,
// before we touch its embedded database.
const ch = await openClickHouse(analyticsTarget).catch((error: Error) => {
  console.error(`Cannot open ${describeAnalyticsTarget(analyticsTarget)}: ${error.message}.`);
  if (analyticsTarget.engine === "chdb") {
    console.error("An embedded folder allows one process: if the app is running, stop it first.");
  }
  process.exit(1);
});
const target = resolveDatabaseTarget();
const db = await openDatabase(target);
try {
  await migrate(db);
  if (values.reset) await dropAnalyticsDatabase(ch);
  console.log(`Copying ${describeTarget(target)} → ${describeAnalyticsTarget(analyticsTarget)}`);
  const started = Date.now();
  let last = 0;
  const { rows } = await backfillAnalytics(db.prisma, ch, (p) => {
    if (Date.now() - last < 2000) return;
    last = Date.now();
    console.log(`  program ${p.programId}: ${p.rows.toLocaleString("en")} ${p.entity} rows`);
  });
  const seconds = (Date.now() - started) / 1000;
  console.log(`Copied ${rows.toLocaleString("en")} rows in ${seconds.toFixed(1)} s.`);
} finally {
  await ch.close();
  await db.close();
}
