import "server-only";
import { ACTION_SELECT, type ActionRow } from "../actions/action-record";
import type { SqlClient } from "../db/sql-client";

/** The stored actions among `keys`, by key: one lookup for a whole batch. */
export async function findActionsByKey(
  tx: SqlClient,
  programId: number,
  keys: string[],
): Promise<Map<string, ActionRow>> {
  if (keys.length === 0) return new Map();
  const rows = await tx.$queryRaw<ActionRow[]>`${ACTION_SELECT}
    WHERE a.program_id = ${programId} AND a.key = ANY(${keys}::text[])`;
  return new Map(rows.map((row) => [row.key, row]));
}
