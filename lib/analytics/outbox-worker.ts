import type { PrismaClient } from "../generated/prisma/client";
import { onShutdown } from "../background/shutdown.mjs";
import { logger, messageOf, outsideRequest } from "../observability/logger.mjs";
import { metrics } from "../observability/metrics.mjs";
import type { ClickHouse } from "./clickhouse";
import { drainOutbox } from "./drain-outbox";

const IDLE_MS = 250;
const MAX_BACKOFF_MS = 10_000;
const JOB = "analytics-outbox";
/** Workers started by this module: each registers under its own name (tests start several). */
let started = 0;

export interface OutboxWorkerStatus {
  lastDrainAt: number | null;
  lastError: string | null;
}

/**
 * Drains the outbox to ClickHouse in the background of the server process: every quarter second
 * when idle, at once again while there is more, backing off while ClickHouse or PostgreSQL fail.
 * Several processes may run one each (rows are locked with SKIP LOCKED). A run that moved rows
 * (or failed) is a log line; idle runs are not. `stop()` (also at shutdown) lets the batch under
 * way commit and resolves after it: what is left stays in the outbox for the next drainer.
 */
export function startOutboxWorker(prisma: PrismaClient, ch: ClickHouse) {
  const status: OutboxWorkerStatus = { lastDrainAt: null, lastError: null };
  const abort = new AbortController();
  let backoff = IDLE_MS;
  let timer: NodeJS.Timeout | undefined;
  let current: Promise<void> | null = null;
  const drain = async () => {
    let delay = IDLE_MS;
    const started = performance.now();
    const seconds = () => (performance.now() - started) / 1000;
    try {
      const { delivered } = await drainOutbox(prisma, ch, 20, abort.signal);
      status.lastDrainAt = Date.now();
      if (status.lastError) logger().info({ job: JOB }, "Analytics outbox: delivering again.");
      status.lastError = null;
      backoff = IDLE_MS;
      if (delivered > 0) {
        delay = 0;
        logger().info({ job: JOB, delivered, duration_ms: Math.round(seconds() * 1000) }, "run");
        metrics().jobRuns.inc({ job: JOB, outcome: "ok" });
        metrics().jobDuration.observe({ job: JOB }, seconds());
      }
    } catch (error) {
      const message = messageOf(error);
      if (status.lastError !== message) {
        logger().warn({ job: JOB, err: error }, `Analytics outbox: ${message}`);
      }
      metrics().jobRuns.inc({ job: JOB, outcome: "failed" });
      status.lastError = message;
      backoff = Math.min(backoff * 2, MAX_BACKOFF_MS);
      delay = backoff;
    }
    return delay;
  };
  const tick = () => {
    if (abort.signal.aborted) return;
    current = drain().then((delay) => {
      current = null;
      if (!abort.signal.aborted) timer = setTimeout(tick, delay);
    });
  };
  // Often started by a request (the first visit of the tab): its timers must not carry its id.
  timer = outsideRequest(() => setTimeout(tick, 0));
  timer.unref?.();
  const stop = async () => {
    abort.abort();
    clearTimeout(timer);
    unregister();
    await current;
  };
  const unregister = onShutdown(`${JOB} ${++started}`, stop);
  return { status, stop };
}

/**
 * Without ClickHouse nothing reads the outbox: trim it so it cannot grow. Switching ClickHouse on
 * later starts with `npm run analytics:sync`, which copies everything anyway.
 */
export async function pruneOutbox(prisma: PrismaClient): Promise<void> {
  await prisma.$executeRaw`DELETE FROM analytics_outbox
    WHERE program_id IN (SELECT id FROM programs) AND created_at < now() - interval '1 minute'`;
}
