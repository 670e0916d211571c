import pg from "pg";
import type { Prisma } from "../generated/prisma/client";

/** One bound value as a SQL literal: numbers, booleans, dates and text only. */
function literal(value: unknown): string {
  if (value === null) return "NULL";
  if (typeof value === "number") {
    if (!Number.isFinite(value)) throw new Error(`Cannot inline the number ${value}`);
    return String(value);
  }
  if (typeof value === "bigint") return String(value);
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (value instanceof Date) return `'${value.toISOString()}'::timestamptz`;
  if (typeof value === "string") {
    // PostgreSQL text cannot hold NUL: refuse rather than cut the literal short.
    if (value.includes("\0")) throw new Error("Cannot inline text holding a NUL character");
    return pg.escapeLiteral(value);
  }
  throw new Error(`Cannot inline a value of type ${typeof value}`);
}

/**
 * A `Prisma.sql` statement as plain text with its values written as escaped literals — for the
 * one statement PostgreSQL cannot bind parameters to: `COPY (query) TO STDOUT`. The values come
 * from the same typed filters as every other query; text goes through node-postgres's
 * `escapeLiteral`.
 */
export function inlineSql(sql: Prisma.Sql): string {
  const values = sql.values;
  return sql.text.replace(/\$(\d+)/g, (_, n: string) => literal(values[Number(n) - 1]));
}
