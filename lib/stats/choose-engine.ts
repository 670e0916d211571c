import "server-only";
import { clickhouseTabEngine } from "./clickhouse/clickhouse-engine";
import { postgresTabEngine } from "./postgres/postgres-engine";
import type { TabEngine } from "./engine";
import { unavailableTabEngine } from "./unavailable-engine";
import type { OpenDatabase } from "../db/open";
import { resolveAnalyticsTarget } from "../analytics/analytics-target";
import { ensureActionTotals } from "../analytics/action-totals";
import { backfillAnalytics } from "../analytics/backfill-analytics";
import { chsql, chTable } from "../analytics/ch-sql";
import { openClickHouse, type ClickHouse } from "../analytics/clickhouse";
import {
  pruneOutbox,
  startOutboxWorker,
  type OutboxWorkerStatus,
} from "../analytics/outbox-worker";
import { purgeDeletedPrograms } from "../analytics/purge-deleted-programs";
import { ensureAnalyticsSchema } from "../analytics/schema";
import { onShutdown } from "../background/shutdown.mjs";
import { logger, messageOf } from "../observability/logger.mjs";

export interface Analytics {
  engine: TabEngine;
  /** The background delivery to ClickHouse, or null when PostgreSQL answers the tab. */
  worker: OutboxWorkerStatus | null;
  /** Why the configured engine cannot answer right now (tried again a few seconds later). */
  unavailable?: string;
  /** The ClickHouse copy itself, when it answers the tab (a program's deletion clears it too). */
  copy?: ClickHouse;
}

const RETRY_AFTER_MS = 5_000;

// One per server process, like the database (chdb allows one opener of its folder).
const store = globalThis as typeof globalThis & {
  __actionboardAnalytics?: Promise<Analytics>;
  __actionboardAnalyticsDb?: OpenDatabase;
};

async function openAnalytics(db: OpenDatabase): Promise<Analytics> {
  const target = resolveAnalyticsTarget();
  const { prisma } = db;
  if (target.engine === "postgres") {
    const prune = () => pruneOutbox(prisma).catch(() => {});
    void prune();
    setInterval(prune, 60_000).unref();
    return { engine: postgresTabEngine(db), worker: null };
  }
  const ch = await openClickHouse(target);
  await ensureAnalyticsSchema(ch);
  if (await isEmptyCopy(ch)) {
    // A new analytics copy beside an existing database: fill it before answering from it.
    logger().info("Analytics copy is empty: copying the database to it (npm run analytics:sync)…");
    const { rows } = await backfillAnalytics(prisma, ch);
    logger().info({ rows }, `Analytics copy ready: ${rows.toLocaleString("en")} rows.`);
  }
  // A copy made by an earlier version: its summed table is counted once before answering.
  await ensureActionTotals(prisma, ch);
  // A deletion that could not reach the copy is finished here (best effort: the tab answers anyway).
  await purgeDeletedPrograms(prisma, ch).catch((error: unknown) =>
    logger().warn({ err: error }, "Analytics copy: could not remove deleted programs"),
  );
  const worker = startOutboxWorker(prisma, ch);
  // Closed at shutdown once the drainer has stopped (chdb: its folder is free for the next process).
  onShutdown("analytics copy", () => ch.close(), "resource");
  return { engine: clickhouseTabEngine(ch), worker: worker.status, copy: ch };
}

async function isEmptyCopy(ch: ClickHouse): Promise<boolean> {
  // A bounded probe (LIMIT 1 per program range), not a count of everything.
  const rows = await ch.query(chsql`SELECT 1 FROM ${chTable("partnerships")} LIMIT 1`);
  return rows.length === 0;
}

/**
 * The engine that answers the Actions tab here, chosen by ANALYTICS_URL (see README), over the
 * server's database. One per process: the first call opens it.
 */
export function getAnalytics(db: OpenDatabase): Promise<Analytics> {
  // One engine per process, built over the process's one database: another database (a test's)
  // must build its own engine (postgresTabEngine(db)) rather than read this one's.
  if (store.__actionboardAnalyticsDb && store.__actionboardAnalyticsDb !== db) {
    throw new Error("getAnalytics: this process's engine is built over another database");
  }
  store.__actionboardAnalyticsDb = db;
  if (!store.__actionboardAnalytics) {
    store.__actionboardAnalytics = openAnalytics(db).catch((error: unknown) => {
      // Pages say so and every number fails alone; the next try comes a few seconds later.
      const message = messageOf(error);
      logger().error({ err: error }, `Analytics engine unavailable: ${message}`);
      setTimeout(() => (store.__actionboardAnalytics = undefined), RETRY_AFTER_MS).unref();
      return { engine: unavailableTabEngine(message), worker: null, unavailable: message };
    });
  }
  return store.__actionboardAnalytics;
}
