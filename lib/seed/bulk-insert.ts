import type { SqlRunner } from "../db/sql-runner";

export interface Column {
  name: string;
  /** PostgreSQL type of one element, e.g. `int`, `text`, `timestamptz`, `jsonb`. */
  type: string;
}

const CHUNK = 5000;

/**
 * Inserts rows with one `INSERT … SELECT FROM unnest(arrays)` statement per chunk: one round trip
 * per 5,000 rows instead of one per row. Table and column names come from code, never from input.
 */
export async function bulkInsert<R = Record<string, unknown>>(
  db: SqlRunner,
  table: string,
  columns: Column[],
  rows: unknown[][],
  returning?: string,
): Promise<R[]> {
  const out: R[] = [];
  const names = columns.map((c) => `"${c.name}"`).join(", ");
  // Every array travels as text[] and is cast per column: both drivers serialise text arrays,
  // while PGlite cannot serialise arrays of enum types.
  const arrays = columns.map((_, i) => `$${i + 1}::text[]`).join(", ");
  const aliases = columns.map((_, i) => `c${i}`);
  const casts = columns.map((c, i) => `${aliases[i]}::${c.type}`).join(", ");
  const sql = `INSERT INTO "${table}" (${names}) SELECT ${casts} FROM unnest(${arrays}) AS u(${aliases.join(", ")})${
    returning ? ` RETURNING ${returning}` : ""
  }`;
  for (let start = 0; start < rows.length; start += CHUNK) {
    const chunk = rows.slice(start, start + CHUNK);
    const params = columns.map((_, i) => chunk.map((row) => toText(row[i])));
    const result = await db.query<R>(sql, params);
    if (returning) out.push(...result);
  }
  return out;
}

function toText(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  return typeof value === "string" ? value : String(value);
}
