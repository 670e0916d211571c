import { chsql, chTable } from "./ch-sql";
import type { ClickHouse } from "./clickhouse";
import { ANALYTICS_TABLES } from "./schema";

/**
 * Removes programs' rows from every table of the analytics copy. Lightweight deletes: the rows
 * are masked at once (queries, FINAL included, no longer see them) and removed from disk by
 * ClickHouse's merges, without rewriting the other programs' parts now. The statement returns
 * once the mask is written (`lightweight_deletes_sync`, on every replica of a cluster).
 */
export async function deleteProgramAnalytics(ch: ClickHouse, programIds: number[]): Promise<void> {
  if (programIds.length === 0) return;
  for (const table of ANALYTICS_TABLES) {
    await ch.command(
      chsql`DELETE FROM ${chTable(table)} WHERE has(${programIds}, program_id)
        SETTINGS lightweight_deletes_sync = 2`,
    );
  }
}
