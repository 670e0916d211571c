import { Prisma, type PrismaClient } from "../generated/prisma/client";
import type { AnalyticsTable } from "./schema";

type Db = Prisma.TransactionClient | PrismaClient;
export type Entity = "action" | "partnership" | "customer" | "action_type";

export const ENTITY_TABLE: Record<Entity, AnalyticsTable> = {
  action: "actions",
  partnership: "partnerships",
  customer: "customers",
  action_type: "action_types",
};

/** Names before the facts that point at them: types and partnerships, then actions. */
export const DELIVERY_ORDER = ["action_type", "partnership", "customer", "action"] as const;

const ms = (column: string) =>
  Prisma.raw(`to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS.MS')`);

// Rows exactly as the ClickHouse tables take them (JSONEachRow), read from the system of record.
const SELECT: Record<Entity, Prisma.Sql> = {
  action: Prisma.sql`SELECT a.program_id, ${ms("a.occurred_at")} AS occurred_at, a.id::text AS id,
      ${ms("a.created_at")} AS created_at, a.key, a.action_type_id, a.value, a.partnership_id,
      COALESCE(a.customer_id, 0) AS customer_id, a.reward_cents, a.reward_outcome::text AS reward_outcome,
      (a.archived_at IS NOT NULL)::int AS archived,
      (SELECT COALESCE(jsonb_object_agg(e.key, e.value), '{}') FROM jsonb_each_text(a.properties) e)
        AS properties
    FROM actions a`,
  partnership: Prisma.sql`SELECT a.program_id, a.id, a.partner_key, a.first_name, a.last_name, a.email,
      a.group_id, COALESCE(a.manager_user_id, 0) AS manager_user_id,
      a.is_marketplace::int AS is_marketplace, (a.archived_at IS NOT NULL)::int AS archived,
      COALESCE((SELECT array_agg(pt.tag_id ORDER BY pt.tag_id) FROM partnership_tags pt
        WHERE pt.program_id = a.program_id AND pt.partnership_id = a.id), '{}') AS tag_ids
    FROM partnerships a`,
  customer: Prisma.sql`SELECT a.program_id, a.id, a.email FROM customers a`,
  action_type: Prisma.sql`SELECT a.program_id, a.id, a.name FROM action_types a`,
};

/** The current state of the given rows of one program (missing ids are simply absent). */
export async function loadRowsById(
  db: Db,
  entity: Entity,
  programId: number,
  ids: bigint[],
): Promise<Record<string, unknown>[]> {
  return db.$queryRaw`${SELECT[entity]} WHERE a.program_id = ${programId} AND a.id = ANY(${ids.map(String)}::bigint[])`;
}

/** A keyset page of one program's rows after `afterId`, in id order (for the backfill). */
export async function loadRowsAfter(
  db: Db,
  entity: Entity,
  programId: number,
  afterId: bigint,
  limit: number,
): Promise<Record<string, unknown>[]> {
  return db.$queryRaw`${SELECT[entity]} WHERE a.program_id = ${programId} AND a.id > ${afterId}
    ORDER BY a.id LIMIT ${limit}`;
}

/** A version higher than any taken before: take it before reading the state it will stamp. */
export async function nextAnalyticsVersion(db: Db): Promise<string> {
  const [row] = await db.$queryRaw<{ v: bigint }[]>`
    SELECT nextval(pg_get_serial_sequence('analytics_outbox', 'id')) AS v`;
  return String(row.v);
}
