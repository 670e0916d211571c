import "server-only";
import { Prisma } from "../generated/prisma/client";
import type { SqlClient } from "../db/sql-client";
import type { IngestProgram, NewAction } from "./ingest-types";

export interface InsertedAction {
  id: bigint;
  key: string;
  occurred_at: Date;
  created_at: Date;
  updated_at: Date;
}

const byKey = (a: NewAction, b: NewAction) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);

/**
 * Inserts the actions and their rewards in one statement: the actions from arrays through
 * `unnest`, already carrying their reward outcome and total, and the rewards joined to the ids
 * the insert returns. A key another transaction stored first is skipped (`ON CONFLICT DO
 * NOTHING`) and missing from the result, for the caller to re-read. Rows go in key order so two
 * batches sharing keys take the unique index's locks in the same order and cannot deadlock.
 * `alsoOfInserted` is one more data-modifying part of the same statement, reading the CTE
 * `inserted` (the stored actions' `key`): the request's log row (`ingestLogOfInserted`).
 */
export async function insertActions(
  tx: SqlClient,
  program: IngestProgram,
  actions: NewAction[],
  alsoOfInserted?: Prisma.Sql,
): Promise<Map<string, InsertedAction>> {
  if (actions.length === 0) return new Map();
  const rows = [...actions].sort(byKey);
  const column = <T>(pick: (a: NewAction) => T) => rows.map(pick);
  const rewards = rows.flatMap((a) => a.rewards.map((r) => ({ key: a.key, ...r })));

  const inserted = await tx.$queryRaw<InsertedAction[]>`
    WITH input AS (
      SELECT * FROM unnest(
        ${column((a) => a.key)}::text[],
        ${column((a) => a.typeId)}::int[],
        ${column((a) => a.value)}::int[],
        ${column((a) => a.targetType)}::text[],
        ${column((a) => a.target.partnership.id)}::int[],
        ${column((a) => a.target.customer?.id ?? null)}::int[],
        ${column((a) => a.occurredAt?.toISOString() ?? null)}::timestamptz[],
        ${column((a) => a.hash)}::text[],
        ${column((a) => JSON.stringify(a.outcome))}::text[],
        ${column((a) => a.rewardCents)}::int[],
        ${column((a) => JSON.stringify(a.properties))}::text[]
      ) WITH ORDINALITY AS u(key, action_type_id, value, target_type, partnership_id,
                             customer_id, occurred_at, request_hash, reward_outcome,
                             reward_cents, properties, ord)
    ),
    inserted AS (
      INSERT INTO actions (program_id, key, action_type_id, value, target_type, partnership_id,
                           customer_id, occurred_at, request_hash, reward_outcome, reward_cents,
                           properties)
      SELECT ${program.id}, key, action_type_id, value, target_type::"TargetType",
             partnership_id, customer_id, COALESCE(occurred_at, now()), request_hash,
             reward_outcome::jsonb, reward_cents, properties::jsonb
      FROM input ORDER BY ord
      ON CONFLICT (program_id, key) DO NOTHING
      RETURNING id, key, partnership_id, occurred_at, created_at, updated_at
    ),
    rewarded AS (
      INSERT INTO rewards (program_id, partnership_id, action_id, rule_id, amount_cents, currency)
      SELECT ${program.id}, i.partnership_id, i.id, r.rule_id, r.amount_cents, ${program.currency}
      FROM unnest(
        ${rewards.map((r) => r.key)}::text[],
        ${rewards.map((r) => r.ruleId)}::int[],
        ${rewards.map((r) => r.amountCents)}::int[]
      ) WITH ORDINALITY AS r(key, rule_id, amount_cents, ord)
      JOIN inserted i ON i.key = r.key
      ORDER BY r.ord
    )${alsoOfInserted ? Prisma.sql`, also AS (${alsoOfInserted})` : Prisma.empty}
    SELECT id, key, occurred_at, created_at, updated_at FROM inserted`;
  return new Map(inserted.map((row) => [row.key, row]));
}
