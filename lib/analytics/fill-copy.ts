import type { PrismaClient } from "../generated/prisma/client";
import { logger } from "../observability/logger.mjs";
import { ensureActionTotals } from "./action-totals";
import { backfillAnalytics } from "./backfill-analytics";
import type { ClickHouse } from "./clickhouse";
import { copyToFill } from "./copy-state";
import { purgeDeletedPrograms } from "./purge-deleted-programs";
import { ensureAnalyticsSchema } from "./schema";

/**
 * Makes the copy whole before it answers: filled if empty or half-filled, totals counted. When
 * `signal` aborts (the server is stopping) it ends at its next step with the signal's reason; a
 * copy ended so is filled again by the next process.
 */
export async function fillCopy(prisma: PrismaClient, ch: ClickHouse, signal?: AbortSignal) {
  await ensureAnalyticsSchema(ch);
  signal?.throwIfAborted();
  const fill = await copyToFill(ch);
  if (fill) {
    // A new analytics copy beside an existing database, or one whose copying was stopped halfway:
    // fill it before answering from it.
    logger().info(
      fill === "empty"
        ? "Analytics copy is empty: copying the database to it (npm run analytics:sync)…"
        : "Analytics copy was left half-filled by a stopped copy: copying the database again…",
    );
    const { rows } = await backfillAnalytics(prisma, ch, undefined, signal);
    logger().info({ rows }, `Analytics copy ready: ${rows.toLocaleString("en")} rows.`);
  }
  signal?.throwIfAborted();
  // A copy made by an earlier version: its summed table is counted once before answering.
  await ensureActionTotals(prisma, ch);
  // A deletion that could not reach the copy is finished here (best effort: the tab answers anyway).
  await purgeDeletedPrograms(prisma, ch).catch((error: unknown) =>
    logger().warn({ err: error }, "Analytics copy: could not remove deleted programs"),
  );
}
