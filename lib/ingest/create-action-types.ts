import "server-only";
import type { SqlClient } from "../db/sql-client";
import { actionTypesPerProgram } from "./action-type-limit";

/** Serializes type creation within a program, so two writers cannot both take the last room. */
const TYPE_LOCK = 730_1;

/**
 * Creates the named action types that do not exist yet, in one statement, up to the program's
 * limit (ACTION_TYPES_PER_PROGRAM); returns the names it refused for the limit. The caller
 * re-reads the types. Names go in sorted order so concurrent batches wait on each other's new
 * types in the same order instead of deadlocking.
 */
export async function createActionTypes(
  tx: SqlClient,
  programId: number,
  names: string[],
): Promise<string[]> {
  if (names.length === 0) return [];
  const sorted = [...new Set(names)].sort();
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(${TYPE_LOCK}::int, ${programId}::int)`;
  const count = await countActionTypes(tx, programId);
  const existing = new Set(
    (
      await tx.$queryRaw<{ name: string }[]>`
        SELECT name FROM action_types WHERE program_id = ${programId} AND name = ANY(${sorted}::text[])`
    ).map((t) => t.name),
  );
  const missing = sorted.filter((name) => !existing.has(name));
  const room = Math.max(0, actionTypesPerProgram() - count);
  const created = missing.slice(0, room);
  if (created.length > 0) {
    await tx.$executeRaw`
      INSERT INTO action_types (program_id, name)
      SELECT ${programId}, u.name FROM unnest(${created}::text[]) WITH ORDINALITY AS u(name, ord)
      ORDER BY u.ord
      ON CONFLICT (program_id, name) DO NOTHING`;
  }
  return missing.slice(room);
}

/** How many action types the program has (the limit counts them). */
export async function countActionTypes(tx: SqlClient, programId: number) {
  const [{ count }] = await tx.$queryRaw<{ count: number }[]>`
    SELECT count(*)::int AS count FROM action_types WHERE program_id = ${programId}`;
  return count;
}
