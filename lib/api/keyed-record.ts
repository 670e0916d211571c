import "server-only";
import { Prisma, type PrismaClient } from "../generated/prisma/client";
import { ApiError, fieldNotFound } from "./api-error";
import { keysetList } from "./keyset-page";
import { isUniqueViolation } from "./unique-violation";

type Db = PrismaClient | Prisma.TransactionClient;

/**
 * A resource the API addresses by a key unique in its program (customers by customer_key,
 * partnerships by partner_key): where its rows are and how one reads as the API's output.
 */
export interface KeyedRecord<Row, Output, Key extends string = string> {
  /** What the API calls one, in messages: "customer". */
  noun: string;
  table: string;
  /** The table's alias in `select` and `from`. */
  alias: string;
  /** The key's column, which is also the field that names it in the API. */
  key: Key;
  /** `SELECT … FROM <table> <alias> …`: the columns of a Row. */
  select: Prisma.Sql;
  /** `<table> <alias>` with the joins the list filters use, to count the list. */
  from: Prisma.Sql;
  toOutput: (row: Row) => Output;
}

/** The record's id and times by key, or null. */
async function findKeyedRecord<Row, Output>(
  db: Db,
  record: KeyedRecord<Row, Output>,
  programId: number,
  key: string,
) {
  const [found] = await db.$queryRaw<{ id: number; createdAt: Date; archivedAt: Date | null }[]>`
    SELECT id, created_at AS "createdAt", archived_at AS "archivedAt"
    FROM ${Prisma.raw(record.table)}
    WHERE program_id = ${programId} AND ${Prisma.raw(record.key)} = ${key}`;
  return found ?? null;
}

/** One record by key, as the API shows it; unknown → 404 naming the key field. */
export async function getKeyedRecord<Row, Output>(
  db: Db,
  record: KeyedRecord<Row, Output>,
  programId: number,
  key: string,
): Promise<Output> {
  const column = Prisma.raw(`${record.alias}.${record.key}`);
  const [row] = await db.$queryRaw<Row[]>`${record.select}
    WHERE ${Prisma.raw(record.alias)}.program_id = ${programId} AND ${column} = ${key}`;
  if (!row) throw keyedRecordNotFound(record, key);
  return record.toOutput(row);
}

export function keyedRecordNotFound<Row, Output>(record: KeyedRecord<Row, Output>, key: string) {
  return fieldNotFound(record.key, key, record.noun);
}

function duplicate<Row, Output>(record: KeyedRecord<Row, Output>, key: string) {
  return new ApiError(409, `A ${record.noun} with ${record.key} "${key}" already exists.`, [
    { field: record.key, message: `"${key}" is already used` },
  ]);
}

/**
 * Creates a record with `insert` in one transaction and reads it back. A key already used is a
 * 409, also when a concurrent create takes it between the check and the insert.
 */
export async function createKeyedRecord<Row, Output>(
  prisma: PrismaClient,
  record: KeyedRecord<Row, Output>,
  programId: number,
  key: string,
  insert: (tx: Prisma.TransactionClient) => Promise<unknown>,
): Promise<Output> {
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

/** Changes an existing record (unknown → 404) with `change` in one transaction and reads it back. */
export async function updateKeyedRecord<Row, Output>(
  prisma: PrismaClient,
  record: KeyedRecord<Row, Output>,
  programId: number,
  key: string,
  change: (
    tx: Prisma.TransactionClient,
    current: { id: number; archivedAt: Date | null },
  ) => Promise<unknown>,
): Promise<Output> {
  return prisma.$transaction(async (tx) => {
    const current = await findKeyedRecord(tx, record, programId, key);
    if (!current) throw keyedRecordNotFound(record, key);
    await change(tx, current);
    return getKeyedRecord(tx, record, programId, key);
  });
}

/** A page of the program's records, newest first, unarchived unless asked, with `filters`. */
export async function listKeyedRecords<Row, Output>(
  prisma: PrismaClient,
  record: KeyedRecord<Row, Output>,
  programId: number,
  q: { include_archived: boolean; limit: number; starting_after?: string; ending_before?: string },
  filters: Prisma.Sql[],
) {
  const alias = Prisma.raw(record.alias);
  const parts = [Prisma.sql`${alias}.program_id = ${programId}`];
  if (!q.include_archived) parts.push(Prisma.sql`${alias}.archived_at IS NULL`);
  const where = Prisma.join([...parts, ...filters], " AND ");
  const { items, has_more, total } = await keysetList<Row>(prisma, q, {
    alias: record.alias,
    descending: true,
    find: (key) => findKeyedRecord(prisma, record, programId, key),
    select: record.select,
    where,
    count: Prisma.sql`SELECT count(*) AS total FROM ${record.from} WHERE ${where}`,
  });
  return { items: items.map(record.toOutput), has_more, total };
}
