import "server-only";
import type { Prisma } from "../generated/prisma/client";
import { createActionTypes } from "../ingest/create-action-types";
import { IMPORTED_OUTCOME } from "../rewards/evaluate-reward-rules";
import type { SourceAction } from "./source-records";

type Tx = Prisma.TransactionClient;

/** partner_key/customer_key → id, for the keys a page names. */
async function idsByKey(
  tx: Tx,
  table: "partnerships" | "customers",
  programId: number,
  keys: string[],
) {
  if (keys.length === 0) return new Map<string, number>();
  const rows =
    table === "partnerships"
      ? await tx.$queryRaw<{ key: string; id: number }[]>`
          SELECT partner_key AS key, id FROM partnerships
          WHERE program_id = ${programId} AND partner_key = ANY(${keys}::text[])`
      : await tx.$queryRaw<{ key: string; id: number }[]>`
          SELECT customer_key AS key, id FROM customers
          WHERE program_id = ${programId} AND customer_key = ANY(${keys}::text[])`;
  return new Map(rows.map((r) => [r.key, r.id]));
}

/**
 * One page of the source's actions in one statement. A key already here is kept (only its archived
 * state follows the source), so importing twice adds nothing. Each counts at its original time:
 * `occurred_at` where the source has one (Actionboard), else its `created_at` (PartnerStack).
 * Actions whose partnership or customer is not here are skipped and counted.
 */
export async function storeActions(tx: Tx, programId: number, actions: SourceAction[]) {
  await createActionTypes(
    tx,
    programId,
    actions.map((a) => a.type),
  );
  const types = new Map(
    (
      await tx.actionType.findMany({
        where: { programId, name: { in: [...new Set(actions.map((a) => a.type))] } },
      })
    ).map((t) => [t.name, t.id]),
  );
  const partnerships = await idsByKey(tx, "partnerships", programId, [
    ...new Set(actions.map((a) => a.partnership_key)),
  ]);
  const customers = await idsByKey(tx, "customers", programId, [
    ...new Set(actions.flatMap((a) => (a.customer ? [a.customer.key] : []))),
  ]);
  const rows = actions
    .map((a) => ({
      a,
      typeId: types.get(a.type),
      partnershipId: partnerships.get(a.partnership_key),
      customerId: a.customer ? customers.get(a.customer.key) : null,
    }))
    .filter(
      (r) => r.typeId !== undefined && r.partnershipId !== undefined && r.customerId !== undefined,
    )
    .sort((x, y) => (x.a.key < y.a.key ? -1 : x.a.key > y.a.key ? 1 : 0));
  const skipped = actions.length - rows.length;
  if (rows.length === 0) return { stored: 0, skipped };
  const iso = (ms: number) => new Date(ms).toISOString();
  const col = <T>(pick: (r: (typeof rows)[number]) => T) => rows.map(pick);
  const changed = await tx.$queryRaw<{ id: bigint }[]>`
    INSERT INTO actions (program_id, key, action_type_id, value, target_type, partnership_id,
                         customer_id, occurred_at, created_at, updated_at, archived_at, imported_at,
                         reward_outcome)
    SELECT ${programId}, u.key, u.type_id, u.value, u.target_type::"TargetType", u.partnership_id,
           u.customer_id, u.occurred_at, u.created_at, u.updated_at, u.archived_at, now(),
           ${JSON.stringify(IMPORTED_OUTCOME)}::jsonb
    FROM unnest(
      ${col((r) => r.a.key)}::text[],
      ${col((r) => r.typeId!)}::int[],
      ${col((r) => r.a.value)}::int[],
      ${col((r) => (r.customerId === null ? "partnership" : "customer"))}::text[],
      ${col((r) => r.partnershipId!)}::int[],
      ${col((r) => r.customerId ?? null)}::int[],
      ${col((r) => iso(r.a.occurred_at ?? r.a.created_at))}::timestamptz[],
      ${col((r) => iso(r.a.created_at))}::timestamptz[],
      ${col((r) => iso(r.a.updated_at ?? r.a.created_at))}::timestamptz[],
      ${col((r) => (r.a.archived ? iso(r.a.updated_at ?? r.a.created_at) : null))}::timestamptz[]
    ) WITH ORDINALITY AS u(key, type_id, value, target_type, partnership_id, customer_id,
                           occurred_at, created_at, updated_at, archived_at, ord)
    ORDER BY u.ord
    ON CONFLICT (program_id, key) DO UPDATE SET archived_at = EXCLUDED.archived_at
      WHERE (actions.archived_at IS NULL) <> (EXCLUDED.archived_at IS NULL)
    RETURNING id`;
  return { stored: changed.length, skipped };
}
