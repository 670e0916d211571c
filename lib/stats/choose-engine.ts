import "server-only";
import { clickhouseTabEngine } from "./clickhouse/clickhouse-engine";
import { postgresTabEngine } from "./postgres/postgres-engine";
import type { TabEngine } from "./engine";
import { unavailableTabEngine } from "./unavailable-engine";
import type { OpenDatabase } from "../db/open";
import { resolveAnalyticsTarget, type ClickHouseTarget } from "../analytics/analytics-target";
import { openClickHouse, type ClickHouse } from "../analytics/clickhouse";
import { fillCopy } from "../analytics/fill-copy";
import {
  pruneOutbox,
  startOutboxWorker,
  type OutboxWorkerStatus,
} from "../analytics/outbox-worker";
import { isShuttingDown, onShutdown } from "../background/shutdown.mjs";
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
  // Opening and filling the copy can take long (a new copy of a big database): a stop meanwhile
  // ends it at its next step and waits for that, so the process never exits while chdb works.
  if (isShuttingDown()) throw new Error("the server is stopping");
  const stop = new AbortController();
  const opening = openFilledCopy(db, target, stop.signal);
  const unregister = onShutdown("analytics copy (filling)", async () => {
    stop.abort(new Error("the server is stopping"));
    await opening.catch(() => {});
  });
  const ch = await opening.finally(unregister);
  if (isShuttingDown()) {
    // Filled just as the stop began: the stop did not see the drainer, so it must not start.
    await ch.close().catch(() => {});
    throw new Error("the server is stopping");
  }
  const worker = startOutboxWorker(prisma, ch);
  // Closed at shutdown once the drainer has stopped (chdb: its folder is free for the next process).
  onShutdown("analytics copy", () => ch.close(), "resource");
  return { engine: clickhouseTabEngine(ch), worker: worker.status, copy: ch };
}

/** Opens the ClickHouse copy and fills it; closed again (chdb: one opener) if that fails or stops. */
async function openFilledCopy(
  { prisma }: OpenDatabase,
  target: ClickHouseTarget,
  signal: AbortSignal,
): Promise<ClickHouse> {
  const ch = await openClickHouse(target);
  try {
    await fillCopy(prisma, ch, signal);
    signal.throwIfAborted();
    return ch;
  } catch (error) {
    // Stopped halfway (the server is stopping, ClickHouse or PostgreSQL failed): the copy is
    // marked so and filled again next time; its folder must not stay open.
    await ch.close().catch(() => {});
    throw error;
  }
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
      // A stop while the copy was being filled is not a failure: the next process fills it.
      if (isShuttingDown())
        logger().info(`Analytics copy not opened: the server is stopping (${message})`);
      else logger().error({ err: error }, `Analytics engine unavailable: ${message}`);
      setTimeout(() => (store.__actionboardAnalytics = undefined), RETRY_AFTER_MS).unref();
      return { engine: unavailableTabEngine(message), worker: null, unavailable: message };
    });
  }
  return store.__actionboardAnalytics;
}
