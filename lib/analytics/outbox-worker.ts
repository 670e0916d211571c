import type { PrismaClient } from "../generated/prisma/client";
import type { ClickHouse } from "./clickhouse";
import { drainOutbox } from "./drain-outbox";

const IDLE_MS = 250;
const MAX_BACKOFF_MS = 10_000;

export interface OutboxWorkerStatus {
  lastDrainAt: number | null;
  lastError: string | null;
}

/**
 * Drains the outbox to ClickHouse in the background of the server process: every quarter second
 * when idle, at once again while there is more, backing off while ClickHouse or PostgreSQL fail.
 * Several processes may run one each (rows are locked with SKIP LOCKED).
 */
export function startOutboxWorker(prisma: PrismaClient, ch: ClickHouse) {
  const status: OutboxWorkerStatus = { lastDrainAt: null, lastError: null };
  let stopped = false;
  let backoff = IDLE_MS;
  let timer: NodeJS.Timeout | undefined;
  const tick = async () => {
    if (stopped) return;
    let delay = IDLE_MS;
    try {
      const { delivered } = await drainOutbox(prisma, ch, 20);
      status.lastDrainAt = Date.now();
      if (status.lastError) console.info("Analytics outbox: delivering again.");
      status.lastError = null;
      backoff = IDLE_MS;
      if (delivered > 0) delay = 0;
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      if (status.lastError !== message) console.warn(`Analytics outbox: ${message}`);
      status.lastError = message;
      backoff = Math.min(backoff * 2, MAX_BACKOFF_MS);
      delay = backoff;
    }
    if (!stopped) timer = setTimeout(tick, delay);
  };
  timer = setTimeout(tick, 0);
  timer.unref?.();
  return {
    status,
    stop() {
      stopped = true;
      clearTimeout(timer);
    },
  };
}

/**
 * Without ClickHouse nothing reads the outbox: trim it so it cannot grow. Switching ClickHouse on
 * later starts with `npm run analytics:sync`, which copies everything anyway.
 */
export async function pruneOutbox(prisma: PrismaClient): Promise<void> {
  await prisma.$executeRaw`DELETE FROM analytics_outbox
    WHERE program_id IN (SELECT id FROM programs) AND created_at < now() - interval '1 minute'`;
}
