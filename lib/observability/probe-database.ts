import "server-only";
import type { OpenDatabase } from "../db/open";
import { metrics } from "./metrics.mjs";

/**
 * Fills the database-wide gauges of /metrics: the analytics outbox's backlog and the age of its
 * oldest change (the copy's lag), and the PartnerStack imports under way with their records per
 * resource. Each query is bounded by an index (the oldest change: one probe per program).
 */
export async function probeDatabase(db: OpenDatabase): Promise<void> {
  const { prisma } = db;
  const [[outbox], lag, imports, running] = await Promise.all([
    prisma.$queryRaw<{ rows: bigint }[]>`SELECT count(*) AS rows FROM analytics_outbox`,
    copyLagSeconds(db),
    prisma.$queryRaw<{ resource: string; fetched: bigint; stored: bigint; skipped: bigint }[]>`
      SELECT s.resource, sum(s.fetched)::bigint AS fetched,
        sum(s.stored)::bigint AS stored, sum(s.skipped)::bigint AS skipped
      FROM partnerstack_imports i
      JOIN partnerstack_import_steps s ON s.program_id = i.program_id AND s.import_id = i.id
      WHERE i.status = 'running'
      GROUP BY s.resource`,
    prisma.partnerStackImport.count({ where: { status: "running" } }),
  ]);

  const m = metrics();
  m.outboxRows.set(Number(outbox.rows));
  m.copyLag.set(lag);
  m.importsRunning.set(running);
  // Imports that finished since the last scrape drop out.
  m.importProgress.reset();
  for (const step of imports) {
    for (const state of ["fetched", "stored", "skipped"] as const) {
      m.importProgress.set({ resource: step.resource, state }, Number(step[state]));
    }
  }
}

/**
 * Database-wide: the age in seconds of the oldest change not yet copied to the analytics copy (0
 * when none waits), one index probe per program.
 */
export async function copyLagSeconds(db: OpenDatabase): Promise<number> {
  const [oldest] = await db.prisma.$queryRaw<{ lag_seconds: number | null }[]>`
    SELECT extract(epoch FROM now() - min(o.created_at))::float8 AS lag_seconds
    FROM programs p CROSS JOIN LATERAL (
      SELECT created_at FROM analytics_outbox WHERE program_id = p.id ORDER BY id LIMIT 1
    ) o`;
  return Math.max(0, oldest?.lag_seconds ?? 0);
}
