import "server-only";
import { Prisma } from "../generated/prisma/client";
import type { SqlClient } from "../db/sql-client";
import { logger } from "../observability/logger.mjs";

interface IngestLogEntry {
  programId: number;
  method: string;
  path: string;
  status: number;
  message: string;
  actionKey?: string | null;
}

export const INGEST_LOG_RETENTION_DAYS = 30;

// NUL cannot be stored in text, and embedded PGlite refuses some unpaired surrogates
// ("\udfff\udfff", "\ufeff\udc00": "invalid byte sequence"). Whatever the client sent
// (messages quote unknown keys), the log keeps a readable trace.
const clean = (text: string) => text.replaceAll("\u0000", "\uFFFD").toWellFormed();

/** The entry's columns but its action key, in the table's order (program, method, path, …). */
const columns = (entry: Omit<IngestLogEntry, "actionKey">) => Prisma.sql`
  ${entry.programId}::int, ${entry.method}::text, ${clean(entry.path.slice(0, 500))}::text,
  ${entry.status}::int, ${entry.status < 400 ? "accepted" : "rejected"}::text,
  ${clean(entry.message.slice(0, 2000))}::text`;

/**
 * The log row of a request whose handler stores one action, as a data-modifying part of the
 * statement that stores it: `INSERT … SELECT … FROM inserted`, where `inserted` is that
 * statement's `RETURNING key` (`insertActions`). The row exists exactly when the action was stored
 * by that statement, and the request costs one round trip less (the API's hot path,
 * BENCHMARKS.md). One row per stored action: for single-action requests only. Unlike
 * `writeIngestLog` it cannot fail apart from the action (its values are cleaned the same way, so
 * only what would fail the action's own insert fails it).
 */
export function ingestLogOfInserted(entry: Omit<IngestLogEntry, "actionKey">): Prisma.Sql {
  return Prisma.sql`
    INSERT INTO ingest_logs (program_id, method, path, status, outcome, message, action_key)
    SELECT ${columns(entry)}, left(inserted.key, 255) FROM inserted`;
}

/** Now and then (one call in a hundred) deletes the program's entries past the retention period. */
export async function pruneIngestLogSometimes(sql: SqlClient, programId: number): Promise<void> {
  if (Math.random() >= 0.01) return;
  await sql.$executeRaw`DELETE FROM ingest_logs WHERE program_id = ${programId}
    AND created_at < now() - make_interval(days => ${INGEST_LOG_RETENTION_DAYS})`;
}

/**
 * Records one API request. Never throws: a logging failure must not turn an accepted request
 * into an error. Occasionally prunes the program's entries older than the retention period.
 */
export async function writeIngestLog(sql: SqlClient, entry: IngestLogEntry): Promise<void> {
  try {
    // Plain SQL: one statement on the API's hot path, without an ORM round in between.
    await sql.$executeRaw`
      INSERT INTO ingest_logs (program_id, method, path, status, outcome, message, action_key)
      VALUES (${columns(entry)},
              ${entry.actionKey ? clean(entry.actionKey.slice(0, 255)) : null}::text)`;
    await pruneIngestLogSometimes(sql, entry.programId);
  } catch (error) {
    logger().error({ err: error }, "Could not write the ingest log");
  }
}
