import "server-only";
import type { Prisma } from "../generated/prisma/client";
import { createActionTypes } from "../ingest/create-action-types";
import { IMPORTED_OUTCOME } from "../rewards/evaluate-reward-rules";
import type { SourceAction } from "./source-records";

type Tx = Prisma.TransactionClient;

/** Type name → id for the names a page uses, creating those not seen yet. */
async function typeIds(tx: Tx, programId: number, names: string[]) {
  const read = () =>
    tx.$queryRaw<{ name: string; id: number }[]>`
      SELECT name, id FROM action_types WHERE program_id = ${programId} AND name = ANY(${names}::text[])`;
  let found = await read();
  if (found.length < names.length) {
    // Usually every type is known after the first pages: only then the lock and the limit.
    await createActionTypes(tx, programId, names);
    found = await read();
  }
  return new Map(found.map((t) => [t.name, t.id]));
}

/**
 * One page of the source's actions in one statement. A key already here is kept (only its archived
 * state follows the source), so importing twice adds nothing. Each counts at its original time:
 * `occurred_at` where the source has one (Actionboard), else its `created_at` (PartnerStack).
 * Actions whose partnership or customer is not here are skipped and counted.
 */
export async function storeActions(tx: Tx, programId: number, actions: SourceAction[]) {
  if (actions.length === 0) return { stored: 0, skipped: 0 };
  const types = await typeIds(tx, programId, [...new Set(actions.map((a) => a.type))]);
  // Key order: pages that overlap (an import and a pull) take their rows' locks in one order.
  const rows = actions
    .filter((a) => types.has(a.type))
    .sort((x, y) => (x.key < y.key ? -1 : x.key > y.key ? 1 : 0));
  const iso = (ms: number) => new Date(ms).toISOString();
  const col = <T>(pick: (a: SourceAction) => T) => rows.map(pick);
  // Partnership and customer keys become ids in the statement; a row naming one not here is left
  // out of the INSERT and counted as skipped.
  const [{ matched, stored }] = await tx.$queryRaw<{ matched: number; stored: number }[]>`
    WITH page AS (
      SELECT u.*, p.id AS partnership_id, c.id AS customer_id
      FROM unnest(
        ${col((a) => a.key)}::text[],
        ${col((a) => types.get(a.type)!)}::int[],
        ${col((a) => a.value)}::int[],
        ${col((a) => a.partnership_key)}::text[],
        ${col((a) => a.customer?.key ?? null)}::text[],
        ${col((a) => iso(a.occurred_at ?? a.created_at))}::timestamptz[],
        ${col((a) => iso(a.created_at))}::timestamptz[],
        ${col((a) => iso(a.updated_at ?? a.created_at))}::timestamptz[],
        ${col((a) => (a.archived ? iso(a.updated_at ?? a.created_at) : null))}::timestamptz[]
      ) WITH ORDINALITY AS u(key, type_id, value, partner_key, customer_key, occurred_at,
                             created_at, updated_at, archived_at, ord)
      JOIN partnerships p ON p.program_id = ${programId} AND p.partner_key = u.partner_key
      LEFT JOIN customers c ON c.program_id = ${programId} AND c.customer_key = u.customer_key
      WHERE u.customer_key IS NULL OR c.id IS NOT NULL
    ),
    written AS (
      INSERT INTO actions (program_id, key, action_type_id, value, target_type, partnership_id,
                           customer_id, occurred_at, created_at, updated_at, archived_at,
                           imported_at, reward_outcome)
      SELECT ${programId}, page.key, page.type_id, page.value,
             (CASE WHEN page.customer_key IS NULL THEN 'partnership' ELSE 'customer' END)::"TargetType",
             page.partnership_id, page.customer_id, page.occurred_at, page.created_at,
             page.updated_at, page.archived_at, now(), ${JSON.stringify(IMPORTED_OUTCOME)}::jsonb
      FROM page ORDER BY page.ord
      ON CONFLICT (program_id, key) DO UPDATE SET archived_at = EXCLUDED.archived_at
        WHERE (actions.archived_at IS NULL) <> (EXCLUDED.archived_at IS NULL)
      RETURNING 1
    )
    SELECT (SELECT count(*) FROM page)::int AS matched, (SELECT count(*) FROM written)::int AS stored`;
  return { stored, skipped: actions.length - matched };
}
