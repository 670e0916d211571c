import "server-only";
import type { PrismaClient } from "../generated/prisma/client";
import type { Analytics } from "./choose-engine";

export interface AnalyticsFreshness {
  /** How far the analytics copy trails the database (0 when nothing waits). */
  lagMs: number;
  /** Receipt time of the oldest change not yet copied, or null. */
  oldestPendingAt: Date | null;
  /** Why delivery is failing, when it is. */
  error: string | null;
  /** Why the analytics engine cannot answer at all, when it cannot. */
  unavailable: string | null;
}

/** How fresh a program's analytics copy is; null when the tab reads the database itself. */
export async function getAnalyticsFreshness(
  prisma: PrismaClient,
  analytics: Analytics,
  programId: number,
  now = Date.now(),
): Promise<AnalyticsFreshness | null> {
  if (analytics.unavailable) {
    return { lagMs: 0, oldestPendingAt: null, error: null, unavailable: analytics.unavailable };
  }
  if (!analytics.worker) return null;
  const [oldest] = await prisma.$queryRaw<{ created_at: Date }[]>`
    SELECT created_at FROM analytics_outbox WHERE program_id = ${programId} ORDER BY id LIMIT 1`;
  const oldestPendingAt = oldest?.created_at ?? null;
  return {
    lagMs: oldestPendingAt ? Math.max(0, now - oldestPendingAt.getTime()) : 0,
    oldestPendingAt,
    error: analytics.worker.lastError,
    unavailable: null,
  };
}
