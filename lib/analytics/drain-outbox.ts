import type { PrismaClient } from "../generated/prisma/client";
import { recountActionTotals } from "./action-totals";
import type { ClickHouse } from "./clickhouse";
import {
  DELIVERY_ORDER,
  ENTITY_TABLE,
  loadRowsById,
  nextAnalyticsVersion,
  type Entity,
} from "./load-pg-rows";

const BATCH = 5000;

interface DrainResult {
  delivered: number;
}

/**
 * Moves one batch of one program's outbox to ClickHouse: locks the oldest rows (SKIP LOCKED, so
 * several drainers share the work), takes a fresh version, reads the current state of what they
 * name, inserts it with that version, and deletes the rows in the same transaction. A version
 * taken after the rows are visible and before the read is higher than that of any older read, so
 * ClickHouse keeps the newest state whatever order deliveries land in. A crash before the commit
 * leaves the rows to be delivered again (at least once), which the versions make harmless.
 */
async function drainProgramBatch(prisma: PrismaClient, ch: ClickHouse, programId: number) {
  return prisma.$transaction(
    async (tx) => {
      const rows = await tx.$queryRaw<{ id: bigint; entity: Entity; entity_id: bigint }[]>`
        SELECT id, entity, entity_id FROM analytics_outbox WHERE program_id = ${programId}
        ORDER BY id LIMIT ${BATCH} FOR UPDATE SKIP LOCKED`;
      if (rows.length === 0) return 0;
      const version = await nextAnalyticsVersion(tx);
      const ids = new Map<Entity, Set<bigint>>();
      for (const row of rows) {
        const set = ids.get(row.entity) ?? new Set<bigint>();
        ids.set(row.entity, set.add(row.entity_id));
      }
      for (const entity of DELIVERY_ORDER) {
        const set = ids.get(entity);
        if (!set) continue;
        const state = await loadRowsById(tx, entity, programId, [...set]);
        await ch.insert(
          ENTITY_TABLE[entity],
          state.map((r) => ({ ...r, version })),
        );
        if (entity === "action") await recountActionTotals(tx, ch, programId, state);
      }
      await tx.$executeRaw`DELETE FROM analytics_outbox WHERE program_id = ${programId}
        AND id = ANY(${rows.map((r) => String(r.id))}::bigint[])`;
      return rows.length;
    },
    { timeout: 60_000, maxWait: 30_000 },
  );
}

/**
 * Drains every program's outbox until it is empty (or `maxBatches` were moved, or `signal`
 * aborted: the batch under way commits first).
 */
export async function drainOutbox(
  prisma: PrismaClient,
  ch: ClickHouse,
  maxBatches = Infinity,
  signal?: AbortSignal,
): Promise<DrainResult> {
  let delivered = 0;
  let batches = 0;
  for (;;) {
    if (signal?.aborted) return { delivered };
    const programs = await prisma.$queryRaw<{ id: number }[]>`
      SELECT p.id FROM programs p
      WHERE EXISTS (SELECT 1 FROM analytics_outbox o WHERE o.program_id = p.id)`;
    if (programs.length === 0) return { delivered };
    let moved = 0;
    for (const { id } of programs) {
      moved += await drainProgramBatch(prisma, ch, id);
      if (++batches >= maxBatches || signal?.aborted) return { delivered: delivered + moved };
    }
    delivered += moved;
    // Rows locked by another drainer: leave them to it.
    if (moved === 0) return { delivered };
  }
}
