import type { SqlRunner } from "../db/sql-runner";

const CHUNK = 5000;

/** One row to insert, keyed by column name (snake_case, as in the database). */
export type BulkRow = Record<string, unknown>;

/**
 * Inserts rows with one `INSERT … SELECT FROM unnest(arrays)` statement per chunk: one round trip
 * per 5,000 rows instead of one per row. The columns are the first row's keys, each cast to the
 * type the database gives it, so the migrations stay the one definition of every column. Table
 * and column names come from code, never from input.
 */
export async function bulkInsert<R = Record<string, unknown>>(
  db: SqlRunner,
  table: string,
  rows: BulkRow[],
  returning?: string,
): Promise<R[]> {
  if (rows.length === 0) return [];
  const columns = Object.keys(rows[0]);
  const types = await columnTypes(db, table);
  const names = columns.map((c) => `"${c}"`).join(", ");
  // Every array travels as text[] and is cast per column: both drivers serialise text arrays,
  // while PGlite cannot serialise arrays of enum types.
  const arrays = columns.map((_, i) => `$${i + 1}::text[]`).join(", ");
  const aliases = columns.map((_, i) => `c${i}`);
  const casts = columns.map((c, i) => {
    const type = types.get(c);
    if (!type) throw new Error(`bulkInsert: "${table}" has no column "${c}"`);
    return `${aliases[i]}::${type}`;
  });
  const sql = `INSERT INTO "${table}" (${names}) SELECT ${casts.join(", ")} FROM unnest(${arrays}) AS u(${aliases.join(", ")})${
    returning ? ` RETURNING ${returning}` : ""
  }`;
  const out: R[] = [];
  for (let start = 0; start < rows.length; start += CHUNK) {
    const chunk = rows.slice(start, start + CHUNK);
    const params = columns.map((c) => chunk.map((row) => toText(row[c])));
    const result = await db.query<R>(sql, params);
    if (returning) out.push(...result);
  }
  return out;
}

/**
 * Each column's type without its modifier (`integer`, `"Role"`, `bpchar`…): the column's own
 * length or precision then applies on assignment, as for any insert. `format_type(…, -1)` because
 * the plain name of `char(3)`, `character`, would cast to `char(1)` and cut values short.
 */
async function columnTypes(db: SqlRunner, table: string): Promise<Map<string, string>> {
  const rows = await db.query<{ name: string; type: string }>(
    `SELECT attname AS name, format_type(atttypid, -1) AS type FROM pg_attribute
     WHERE attrelid = $1::regclass AND attnum > 0 AND NOT attisdropped`,
    [`"${table}"`],
  );
  return new Map(rows.map((r) => [r.name, r.type]));
}

function toText(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  return typeof value === "string" ? value : String(value);
}
