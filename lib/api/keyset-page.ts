import { Prisma } from "../generated/prisma/client";
import { fieldNotFound } from "./api-error";

interface Position {
  created_at: Date;
  id: bigint | number;
}

interface PageRequest {
  limit: number;
  descending: boolean;
  starting_after?: string;
  ending_before?: string;
}

/**
 * Keyset paging over (created_at, id) — stable under concurrent inserts, and as fast on page
 * 1,000 as on page 1. `starting_after` walks forward in list order; `ending_before` walks back.
 * Returns the extra WHERE, ORDER BY and LIMIT fragments for alias `alias`.
 */
export function keysetFragments(alias: string, page: PageRequest, cursor: Position | null) {
  const col = Prisma.raw(alias);
  const backward = Boolean(page.ending_before);
  // Scanning direction: list order, or its reverse when walking back.
  const scanDescending = page.descending !== backward;
  let where = Prisma.empty;
  if (cursor) {
    where = scanDescending
      ? Prisma.sql`AND (${col}.created_at, ${col}.id) < (${cursor.created_at}, ${cursor.id})`
      : Prisma.sql`AND (${col}.created_at, ${col}.id) > (${cursor.created_at}, ${cursor.id})`;
  }
  const order = scanDescending
    ? Prisma.sql`ORDER BY ${col}.created_at DESC, ${col}.id DESC`
    : Prisma.sql`ORDER BY ${col}.created_at ASC, ${col}.id ASC`;
  return { where, order, limit: Prisma.sql`LIMIT ${page.limit + 1}`, backward };
}

/** Trims the look-ahead row and restores list order. */
export function finishPage<T>(rows: T[], limit: number, backward: boolean) {
  const has_more = rows.length > limit;
  const items = rows.slice(0, limit);
  if (backward) items.reverse();
  return { items, has_more };
}

function cursorNotFound(field: "starting_after" | "ending_before", key: string) {
  return fieldNotFound(field, key, "item");
}

/** Looks up the item a cursor names; an unknown key is a 404 naming the parameter. */
export async function resolveCursor(
  q: { starting_after?: string; ending_before?: string },
  find: (key: string) => Promise<{ createdAt: Date; id: bigint | number } | null>,
): Promise<Position | null> {
  const key = q.starting_after ?? q.ending_before;
  if (!key) return null;
  const found = await find(key);
  if (!found) throw cursorNotFound(q.starting_after ? "starting_after" : "ending_before", key);
  return { created_at: found.createdAt, id: found.id };
}
