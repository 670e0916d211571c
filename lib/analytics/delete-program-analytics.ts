import { chsql, chTable } from "./ch-sql";
import type { ClickHouse } from "./clickhouse";
import { ANALYTICS_TABLES } from "./schema";

/**
 * Removes programs' rows from every table of the analytics copy: lightweight deletes, queued
 * (`lightweight_deletes_sync = 0`) and applied by ClickHouse's background merges, part by part.
 * Not waited for: applying one takes ClickHouse seconds per table (tens of seconds on a copy with
 * hundreds of parts), and embedded ClickHouse runs one statement at a time, so waiting would
 * stall every other program's tab and the outbox meanwhile (RELIABILITY.md, "Deleting a
 * program"). Nothing reads a deleted program's rows in the meantime: every query names an
 * existing program, and program ids are never reused.
 */
export async function deleteProgramAnalytics(ch: ClickHouse, programIds: number[]): Promise<void> {
  if (programIds.length === 0) return;
  for (const table of ANALYTICS_TABLES) {
    await ch.command(
      chsql`DELETE FROM ${chTable(table)} WHERE has(${programIds}, program_id)
        SETTINGS lightweight_deletes_sync = 0`,
    );
  }
}

/** How many deletes of the copy ClickHouse has yet to apply (tests wait for none). */
export async function pendingCopyDeletes(ch: ClickHouse): Promise<number> {
  const [row] = await ch.query<{ n: string }>(
    chsql`SELECT count() AS n FROM system.mutations WHERE database = ${ch.database} AND NOT is_done`,
  );
  return Number(row.n);
}
