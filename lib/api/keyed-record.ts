import "server-only";
import { Prisma, type PrismaClient } from "../generated/prisma/client";
import { DomainError, fieldNotFound } from "../errors/domain-error";
import { keysetList, type TotalCount } from "../db/keyset-page";
import { isUniqueViolation } from "../db/unique-violation";

type Db = PrismaClient | Prisma.TransactionClient;

/** The columns every keyed record's row has: its key and its times. */
export type KeyedRow<Key extends string> = Record<Key, string> & {
  created_at: Date;
  updated_at: Date;
};

/**
 * A resource the API addresses by a key unique in its program (customers by customer_key,
 * partnerships by partner_key): where its rows are and how one reads as the API's output.
 */
export interface KeyedRecord<Row extends KeyedRow<Key>, Output, Key extends string> {
  /** What the API calls one, in messages: "customer". */
  noun: string;
  /** The table's alias in `from` and `select`. */
  alias: string;
  /** The key's column, which is also the field that names it in the API. */
  key: Key;
  /** `<table> <alias>` with the joins the list filters use. */
  from: Prisma.Sql;
  /** `SELECT … FROM <from> …`: the columns of a Row. */
  select: Prisma.Sql;
  /** List query parameter → the column it must equal. */
  listFilters: Record<string, string>;
  /**
   * The output's own fields. Every output starts with `key` and the key field (the same key) and
   * ends with created_at and updated_at, which are added here.
   */
  fields: (row: Row) => Omit<Output, "key" | Key | "created_at" | "updated_at">;
}

function toOutput<R extends KeyedRow<K>, O, K extends string>(
  record: KeyedRecord<R, O, K>,
  row: R,
): O {
  const key = row[record.key];
  return {
    key,
    [record.key]: key,
    ...record.fields(row),
    created_at: row.created_at.getTime(),
    updated_at: row.updated_at.getTime(),
  } as O;
}

/** WHERE the program's record with this key. */
function byKey<R extends KeyedRow<K>, O, K extends string>(
  record: KeyedRecord<R, O, K>,
  programId: number,
  key: string,
) {
  const alias = Prisma.raw(record.alias);
  return Prisma.sql`${alias}.program_id = ${programId} AND ${alias}.${Prisma.raw(record.key)} = ${key}`;
}

/** The record's id and archived time by key, or null. */
async function findKeyedRecord<R extends KeyedRow<K>, O, K extends string>(
  db: Db,
  record: KeyedRecord<R, O, K>,
  programId: number,
  key: string,
) {
  const alias = Prisma.raw(record.alias);
  const [found] = await db.$queryRaw<{ id: number; archivedAt: Date | null }[]>`
    SELECT ${alias}.id, ${alias}.archived_at AS "archivedAt" FROM ${record.from}
    WHERE ${byKey(record, programId, key)}`;
  return found ?? null;
}

/** Not found, naming the key field. */
export function keyedRecordNotFound<R extends KeyedRow<K>, O, K extends string>(
  record: KeyedRecord<R, O, K>,
  key: string,
) {
  return fieldNotFound(record.key, key, record.noun);
}

/** One record by key, as the API shows it; unknown → 404. */
export async function getKeyedRecord<R extends KeyedRow<K>, O, K extends string>(
  db: Db,
  record: KeyedRecord<R, O, K>,
  programId: number,
  key: string,
): Promise<O> {
  const [row] = await db.$queryRaw<R[]>`${record.select} WHERE ${byKey(record, programId, key)}`;
  if (!row) throw keyedRecordNotFound(record, key);
  return toOutput(record, row);
}

function duplicate<R extends KeyedRow<K>, O, K extends string>(
  record: KeyedRecord<R, O, K>,
  key: string,
) {
  return new DomainError(
    "conflict",
    `A ${record.noun} with ${record.key} "${key}" already exists.`,
    [{ field: record.key, message: `"${key}" is already used` }],
  );
}

/**
 * Creates a record with `insert` in one transaction and reads it back. A key already used is a
 * 409, also when a concurrent create takes it between the check and the insert.
 */
export async function createKeyedRecord<R extends KeyedRow<K>, O, K extends string>(
  prisma: PrismaClient,
  record: KeyedRecord<R, O, K>,
  programId: number,
  key: string,
  insert: (tx: Prisma.TransactionClient) => Promise<unknown>,
): Promise<O> {
  try {
    return await prisma.$transaction(async (tx) => {
      if (await findKeyedRecord(tx, record, programId, key)) throw duplicate(record, key);
      await insert(tx);
      return getKeyedRecord(tx, record, programId, key);
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw duplicate(record, key);
    throw error;
  }
}

/** Changes a record (unknown → 404) with `change` in one transaction and reads it back. */
export async function updateKeyedRecord<R extends KeyedRow<K>, O, K extends string>(
  prisma: PrismaClient,
  record: KeyedRecord<R, O, K>,
  programId: number,
  key: string,
  change: (
    tx: Prisma.TransactionClient,
    current: { id: number; archivedAt: Date | null },
  ) => Promise<unknown>,
): Promise<O> {
  return prisma.$transaction(async (tx) => {
    const current = await findKeyedRecord(tx, record, programId, key);
    if (!current) throw keyedRecordNotFound(record, key);
    await change(tx, current);
    return getKeyedRecord(tx, record, programId, key);
  });
}

/** What a list of keyed records is asked for (with the resource's filters, see `listFilters`). */
export type KeyedListQuery = {
  include_archived: boolean;
  min_updated?: number;
  limit: number;
  starting_after?: string;
  ending_before?: string;
};

/** A page of the program's records, newest first; archived ones only when asked for. */
export async function listKeyedRecords<R extends KeyedRow<K>, O, K extends string>(
  prisma: PrismaClient,
  record: KeyedRecord<R, O, K>,
  programId: number,
  q: KeyedListQuery,
  count: TotalCount = "exact",
) {
  const alias = Prisma.raw(record.alias);
  const parts = [Prisma.sql`${alias}.program_id = ${programId}`];
  if (!q.include_archived) parts.push(Prisma.sql`${alias}.archived_at IS NULL`);
  if (q.min_updated !== undefined) {
    parts.push(Prisma.sql`${alias}.updated_at >= ${new Date(q.min_updated)}`);
  }
  const values: Record<string, unknown> = q;
  for (const [parameter, column] of Object.entries(record.listFilters)) {
    if (values[parameter]) parts.push(Prisma.sql`${Prisma.raw(column)} = ${values[parameter]}`);
  }
  const where = Prisma.join(parts, " AND ");
  const { items, has_more, total } = await keysetList<R>(prisma, programId, q, {
    alias: record.alias,
    from: record.from,
    keyColumn: record.key,
    descending: true,
    select: record.select,
    where,
    count,
  });
  return { items: items.map((row) => toOutput(record, row)), has_more, total };
}
