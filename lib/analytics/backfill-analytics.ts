import type { PrismaClient } from "../generated/prisma/client";
import { markActionTotalsComplete, rebuildActionTotals } from "./action-totals";
import type { ClickHouse } from "./clickhouse";
import { markCopyDone, markCopyStarted } from "./copy-state";
import { purgeDeletedPrograms } from "./purge-deleted-programs";
import { DELIVERY_ORDER, ENTITY_TABLE, loadRowsAfter, nextAnalyticsVersion } from "./load-pg-rows";
import { ensureAnalyticsSchema } from "./schema";

const PAGE = 50_000;

interface BackfillProgress {
  programId: number;
  entity: string;
  rows: number;
}

/**
 * Copies every program's current state to ClickHouse (`npm run analytics:sync`). Safe to rerun and
 * to run while the app writes: the outbox rows already committed are removed first (the copy that
 * follows reads their effects), then one version is taken before anything is read, so any change
 * committed later reaches ClickHouse through the outbox with a higher version. A copy stopped
 * before its end is marked so (copy-state.ts): the next server copies again.
 */
export async function backfillAnalytics(
  prisma: PrismaClient,
  ch: ClickHouse,
  onProgress: (progress: BackfillProgress) => void = () => {},
  /** Aborted (the server is stopping): the copy ends before its next insert, marked unfinished. */
  signal?: AbortSignal,
): Promise<{ rows: number }> {
  await ensureAnalyticsSchema(ch);
  await markCopyStarted(prisma, ch);
  const programs = await prisma.$queryRaw<{ id: number }[]>`SELECT id FROM programs ORDER BY id`;
  let total = 0;
  for (const { id: programId } of programs) {
    signal?.throwIfAborted();
    await prisma.$executeRaw`DELETE FROM analytics_outbox WHERE program_id = ${programId}`;
    const version = await nextAnalyticsVersion(prisma);
    for (const entity of DELIVERY_ORDER) {
      let rows = 0;
      // PostgreSQL reads the next page while ClickHouse takes this one.
      let next = loadRowsAfter(prisma, entity, programId, 0n, PAGE);
      for (;;) {
        const page = await next;
        if (page.length === 0) break;
        const after = BigInt(page[page.length - 1].id as string | number);
        next = loadRowsAfter(prisma, entity, programId, after, PAGE);
        // Awaited on the next turn; a failed insert must not leave its rejection unhandled.
        next.catch(() => {});
        for (const row of page) row.version = version;
        signal?.throwIfAborted();
        await ch.insert(ENTITY_TABLE[entity], page);
        rows += page.length;
        onProgress({ programId, entity, rows });
      }
      total += rows;
    }
    // After the program's actions are all in: the recount sees every one of them.
    await rebuildActionTotals(prisma, ch, programId);
  }
  await markActionTotalsComplete(prisma, ch);
  // A program deleted while it was being copied: its deletion may have cleared the copy before
  // the pages read earlier landed.
  await purgeDeletedPrograms(prisma, ch);
  await markCopyDone(prisma, ch);
  return { rows: total };
}
