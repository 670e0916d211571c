import "server-only";
import { toActionOutput, type ActionRow } from "../actions/action-record";
import type { ActionOutput } from "../schemas/actions";
import type { OpenDatabase } from "../db/open";
import type { SqlClient } from "../db/sql-client";
import { loadRuleNames } from "../rewards/load-rule-names";
import { actionTypesPerProgram } from "./action-type-limit";
import { countActionTypes, createActionTypes } from "./create-action-types";
import { findActionsByKey } from "./find-actions-by-key";
import type {
  IngestLookups,
  IngestOutcome,
  IngestProgram,
  NewAction,
  PreparedAction,
} from "./ingest-types";
import { insertActions, type InsertedAction } from "./insert-actions";
import { loadTargets } from "./load-targets";
import { loadTypesWithRules } from "./load-types-with-rules";
import { planIngest, type IngestPlan } from "./plan-ingest";

type Tx = SqlClient;

/** Reads what the plan needs and plans again after creating missing types (usually no rounds). */
async function plan(tx: Tx, programId: number, actions: PreparedAction[]) {
  const existing = await findActionsByKey(tx, programId, [...new Set(actions.map((a) => a.key))]);
  const fresh = actions.filter((a) => !existing.has(a.key)).map((a) => a.input);
  const typeLimit = actionTypesPerProgram();
  const types = await loadTypesWithRules(
    tx,
    programId,
    fresh.map((i) => i.type),
  );
  const lookups: IngestLookups = {
    existing,
    ...(await loadTargets(tx, programId, fresh)),
    types,
    // Only a new type needs the room left (usually every type exists: no count).
    typeRoom: fresh.some((i) => !types.has(i.type))
      ? Math.max(0, typeLimit - (await countActionTypes(tx, programId)))
      : 0,
    typeLimit,
  };
  let result = planIngest(actions, lookups);
  // Each round creates the types accepted actions still lack. Planning again only matters when
  // another writer created one of them with rules in the meantime, or took the last room for new
  // types (createActionTypes decides under a lock); it can only accept fewer.
  for (let round = 0; result.missingTypes.length > 0; round++) {
    if (round > actions.length) throw new Error("Action types could not be created.");
    const refused = await createActionTypes(tx, programId, result.missingTypes);
    if (refused.length > 0) lookups.typeRoom = 0;
    const created = await loadTypesWithRules(tx, programId, result.missingTypes);
    for (const [name, type] of created) lookups.types.set(name, type);
    result = planIngest(actions, lookups);
  }
  return { lookups, result };
}

function storedRow(action: NewAction, inserted: InsertedAction): ActionRow {
  return {
    id: inserted.id,
    key: action.key,
    type: action.typeName,
    value: action.value,
    target_type: action.targetType,
    archived_at: null,
    request_hash: action.hash,
    partner_key: action.target.partnership.key,
    customer_key: action.target.customer?.key ?? null,
    customer_email: action.target.customer?.email ?? null,
    customer_name: action.target.customer?.name ?? null,
    occurred_at: inserted.occurred_at,
    created_at: inserted.created_at,
    updated_at: inserted.updated_at,
    reward_outcome: action.outcome,
    reward_cents: action.rewardCents,
    properties: action.properties,
  };
}

async function toOutcomes(
  tx: Tx,
  programId: number,
  { decisions }: IngestPlan,
  lookups: IngestLookups,
  inserted: Map<string, InsertedAction>,
): Promise<IngestOutcome[]> {
  // Replays may name any rule of the program; new actions only the rules already loaded.
  const ruleNames = decisions.some((d) => d.kind === "stored")
    ? await loadRuleNames(tx, programId)
    : new Map([...lookups.types.values()].flatMap((t) => t.rules.map((r) => [r.id, r.name])));
  const outputs: ActionOutput[] = [];
  return decisions.map((decision, index): IngestOutcome => {
    switch (decision.kind) {
      case "rejected":
        return { ok: false, error: decision.error };
      case "stored":
        return { ok: true, replayed: true, action: toActionOutput(decision.row, ruleNames) };
      case "same-as":
        return { ok: true, replayed: true, action: outputs[decision.index] };
      case "insert": {
        const row = inserted.get(decision.action.key);
        if (!row) throw new Error(`Action "${decision.action.key}" was planned but not stored.`);
        outputs[index] = toActionOutput(storedRow(decision.action, row), ruleNames);
        return { ok: true, replayed: false, action: outputs[index] };
      }
    }
  });
}

/**
 * Records actions with a few set-based statements in one transaction: a crash stores none of
 * them. Plain SQL on the driver (no ORM per statement): this is the API's hot path. Each action succeeds or fails on its own, exactly as if they were recorded one after
 * another in order (see `planIngest`). Idempotent on the key; concurrent writers of the same key
 * meet at the unique (program_id, key) index, and the loser replays or conflicts with the winner.
 */
export async function ingestActions(
  db: Pick<OpenDatabase, "transaction">,
  program: IngestProgram,
  actions: PreparedAction[],
): Promise<IngestOutcome[]> {
  return db.transaction(async (tx) => {
    const { lookups, result } = await plan(tx, program.id, actions);
    const toInsert = result.decisions.flatMap((d) => (d.kind === "insert" ? [d.action] : []));
    const inserted = await insertActions(tx, program, toInsert);
    const lost = toInsert.filter((a) => !inserted.has(a.key)).map((a) => a.key);
    if (lost.length === 0) return toOutcomes(tx, program.id, result, lookups, inserted);
    // Another transaction stored these keys first: judge them against what it stored.
    for (const [key, row] of await findActionsByKey(tx, program.id, lost)) {
      lookups.existing.set(key, row);
    }
    return toOutcomes(tx, program.id, planIngest(actions, lookups), lookups, inserted);
  });
}
