import { Prisma, type PrismaClient } from "../generated/prisma/client";
import { fieldNotFound } from "../errors/domain-error";

/**
 * How a list's `total` is counted: exactly, or as PostgreSQL's planner estimates it (a client
 * reading every page of a long list does not pay a count of the whole list per page).
 */
export type TotalCount = "exact" | "planned";

interface Position {
  created_at: Date;
  id: bigint | number;
}

interface PageQuery {
  limit: number;
  starting_after?: string;
  ending_before?: string;
}

interface PageRequest extends PageQuery {
  descending: boolean;
}

/**
 * Keyset paging over (created_at, id) — stable under concurrent inserts, and as fast on page
 * 1,000 as on page 1. `starting_after` walks forward in list order; `ending_before` walks back.
 * Returns the extra WHERE, ORDER BY and LIMIT fragments for alias `alias`.
 */
function keysetFragments(alias: string, page: PageRequest, cursor: Position | null) {
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
function finishPage<T>(rows: T[], limit: number, backward: boolean) {
  const has_more = rows.length > limit;
  const items = rows.slice(0, limit);
  if (backward) items.reverse();
  return { items, has_more };
}

function cursorNotFound(field: "starting_after" | "ending_before", key: string) {
  return fieldNotFound(field, key, "item");
}

interface KeysetList<Also> {
  /** The paged table's alias, in `from` and `select`. */
  alias: string;
  /** `<table> <alias>` with the joins `where` uses. */
  from: Prisma.Sql;
  /** The column of the keys cursors name. */
  keyColumn: string;
  descending: boolean;
  /** `SELECT … FROM …` of a Row; WHERE and the page fragments follow it. */
  select: Prisma.Sql;
  where: Prisma.Sql;
  /** A further read, run with the page's once the cursor is known to exist. */
  alongside?: () => Promise<Also>;
  /** The total counted exactly (default), or the planner's estimate of it. */
  count?: TotalCount;
}

/** All the rows the list's filters match: counted, or as the planner estimates them. */
async function countTotal(db: PrismaClient, list: KeysetList<unknown>): Promise<number> {
  if (list.count === "planned") {
    const [plan] = await db.$queryRaw<{ "QUERY PLAN": [{ Plan: { "Plan Rows": number } }] }[]>`
      EXPLAIN (FORMAT JSON) SELECT 1 FROM ${list.from} WHERE ${list.where}`;
    return Math.round(plan["QUERY PLAN"][0].Plan["Plan Rows"]);
  }
  const [{ total }] = await db.$queryRaw<{ total: bigint }[]>`
    SELECT count(*) AS total FROM ${list.from} WHERE ${list.where}`;
  return Number(total);
}

/** Where the item a cursor names stands; an unknown key is a 404 naming the parameter. */
async function cursorPosition(
  db: PrismaClient,
  programId: number,
  q: PageQuery,
  list: KeysetList<unknown>,
): Promise<Position | null> {
  const key = q.starting_after ?? q.ending_before;
  if (!key) return null;
  const alias = Prisma.raw(list.alias);
  const [found] = await db.$queryRaw<Position[]>`
    SELECT ${alias}.created_at, ${alias}.id FROM ${list.from}
    WHERE ${alias}.program_id = ${programId} AND ${alias}.${Prisma.raw(list.keyColumn)} = ${key}`;
  if (!found) throw cursorNotFound(q.starting_after ? "starting_after" : "ending_before", key);
  return found;
}

/**
 * One page of a program's list: its rows in list order, whether more follow, the total (counted,
 * or estimated when `list.count` is `planned`).
 */
export async function keysetList<Row, Also = undefined>(
  db: PrismaClient,
  programId: number,
  q: PageQuery,
  list: KeysetList<Also>,
) {
  const cursor = await cursorPosition(db, programId, q, list);
  const page = keysetFragments(list.alias, { ...q, descending: list.descending }, cursor);
  const [rows, total, also] = await Promise.all([
    db.$queryRaw<
      Row[]
    >`${list.select} WHERE ${list.where} ${page.where} ${page.order} ${page.limit}`,
    countTotal(db, list as KeysetList<unknown>),
    list.alongside?.(),
  ]);
  const { items, has_more } = finishPage(rows, q.limit, page.backward);
  return { items, has_more, total, alongside: also as Also };
}
