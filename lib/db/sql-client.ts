import { createHash } from "node:crypto";
import type { PGlite, Transaction } from "@electric-sql/pglite";
import type pg from "pg";
import { Prisma } from "../generated/prisma/client";

/**
 * Tagged-template SQL without an ORM in between: the subset of Prisma's raw API the hot paths use
 * (`$queryRaw`, `$executeRaw`, nesting `Prisma.sql` fragments), run straight on `pg` or PGlite.
 * Prisma's own clients satisfy it too, so a function written against it runs on either. Rows come
 * back as the driver parses them: int8 may be a string or a bigint; cast counts to int.
 */
export interface SqlClient {
  $queryRaw<T = unknown>(
    query: TemplateStringsArray | Prisma.Sql,
    ...values: unknown[]
  ): Promise<T>;
  $executeRaw(query: TemplateStringsArray | Prisma.Sql, ...values: unknown[]): Promise<number>;
}

type Run = (text: string, values: unknown[]) => Promise<{ rows: unknown[]; affected: number }>;

const toSql = (query: TemplateStringsArray | Prisma.Sql, values: unknown[]) =>
  query instanceof Prisma.Sql ? query : Prisma.sql(query, ...values);

function sqlClient(run: Run): SqlClient {
  return {
    async $queryRaw<T>(query: TemplateStringsArray | Prisma.Sql, ...values: unknown[]) {
      const sql = toSql(query, values);
      return (await run(sql.text, sql.values)).rows as T;
    },
    async $executeRaw(query: TemplateStringsArray | Prisma.Sql, ...values: unknown[]) {
      const sql = toSql(query, values);
      return (await run(sql.text, sql.values)).affected;
    },
  };
}

// Statements are prepared once per connection under a name derived from their text, so the
// server parses and plans each hot-path statement once rather than on every request.
const names = new Map<string, string>();
function statementName(text: string) {
  let name = names.get(text);
  if (!name) {
    name = `ab_${createHash("sha1").update(text).digest("base64url")}`;
    if (names.size < 1_000) names.set(text, name);
  }
  return name;
}

/** Over a pool (each statement on its own) or one checked-out connection (a transaction). */
export function pgSqlClient(client: pg.Pool | pg.PoolClient): SqlClient {
  return sqlClient(async (text, values) => {
    const result = await client.query({ name: statementName(text), text, values });
    return { rows: result.rows, affected: result.rowCount ?? 0 };
  });
}

/** Over PGlite, or one of its transactions. */
export function pgliteSqlClient(db: PGlite | Transaction): SqlClient {
  return sqlClient(async (text, values) => {
    const result = await db.query(text, values);
    return { rows: result.rows, affected: result.affectedRows ?? 0 };
  });
}

/** Runs `fn` in one transaction on a connection of the pool: committed, or rolled back on a throw. */
export async function pgTransaction<T>(
  pool: pg.Pool,
  fn: (sql: SqlClient) => Promise<T>,
): Promise<T> {
  const client = await pool.connect();
  let broken: Error | undefined;
  try {
    await client.query("BEGIN");
    try {
      const result = await fn(pgSqlClient(client));
      await client.query("COMMIT");
      return result;
    } catch (error) {
      await client.query("ROLLBACK").catch((lost: Error) => (broken = lost));
      throw error;
    }
  } finally {
    // A connection that could not roll back is dropped, not handed to the next request.
    client.release(broken);
  }
}
