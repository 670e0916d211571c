import "server-only";
import { toActionOutput, type ActionRow } from "../actions/action-record";
import type { ActionOutput } from "../schemas/actions";
import type { OpenDatabase } from "../db/open";
import type { Prisma } from "../generated/prisma/client";
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
import { loadTypesWithRules } from "./load-types-with-rules";
import { planIngest, type IngestPlan } from "./plan-ingest";
import { readLookups } from "./read-lookups";

type Tx = SqlClient;

export interface IngestOptions {
  /**
   * Written by the statement that stores the actions, reading its CTE `inserted` (the actions
   * it stored): a single-action request's log row (`ingestLogOfInserted`), there exactly when the
   * action was recorded now, not replayed or refused.
   */
  alsoOfInserted?: Prisma.Sql;
}

/**
 * Reads what the plan needs (one statement, and a second when some keys are stored) and plans.
 * Actions that name a type that does not exist yet need it created first: outside a transaction
 * (`create: false`) that answers null, for the caller to start again in one; inside, the types
 * are created and the plan made again (usually no rounds).
 */
async function plan(sql: Tx, programId: number, actions: PreparedAction[], create: boolean) {
  const quick = await readLookups(sql, programId, actions);
  const existing =
    quick.existingKeys.length > 0
      ? await findActionsByKey(sql, programId, quick.existingKeys)
      : new Map<string, ActionRow>();
  const newTypes = actions.some((a) => !existing.has(a.key) && !quick.types.has(a.input.type));
  if (newTypes && !create) return null;
  const typeLimit = actionTypesPerProgram();
  const lookups: IngestLookups = {
    existing,
    customers: quick.customers,
    partnerships: quick.partnerships,
    types: quick.types,
    // Only a new type needs the room left (usually every type exists: no count).
    typeRoom: newTypes ? Math.max(0, typeLimit - (await countActionTypes(sql, programId))) : 0,
    typeLimit,
  };
  let result = planIngest(actions, lookups);
  // Each round creates the types accepted actions still lack. Planning again only matters when
  // another writer created one of them with rules in the meantime, or took the last room for new
  // types (createActionTypes decides under a lock); it can only accept fewer.
  for (let round = 0; result.missingTypes.length > 0; round++) {
    if (round > actions.length) throw new Error("Action types could not be created.");
    const refused = await createActionTypes(sql, programId, result.missingTypes);
    if (refused.length > 0) lookups.typeRoom = 0;
    const created = await loadTypesWithRules(sql, programId, result.missingTypes);
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

/** Inserts what the plan accepted (one statement) and answers for every action. */
async function write(
  sql: Tx,
  program: IngestProgram,
  actions: PreparedAction[],
  { lookups, result }: { lookups: IngestLookups; result: IngestPlan },
  options: IngestOptions,
): Promise<IngestOutcome[]> {
  const toInsert = result.decisions.flatMap((d) => (d.kind === "insert" ? [d.action] : []));
  const inserted = await insertActions(sql, program, toInsert, options.alsoOfInserted);
  const lost = toInsert.filter((a) => !inserted.has(a.key)).map((a) => a.key);
  if (lost.length === 0) return toOutcomes(sql, program.id, result, lookups, inserted);
  // Another writer stored these keys first: judge them against what it stored.
  for (const [key, row] of await findActionsByKey(sql, program.id, lost)) {
    lookups.existing.set(key, row);
  }
  return toOutcomes(sql, program.id, planIngest(actions, lookups), lookups, inserted);
}

/**
 * Records actions with a few set-based statements. Plain SQL on the driver (no ORM per
 * statement): this is the API's hot path. Each action succeeds or fails on its own, exactly as if
 * they were recorded one after another in order (see `planIngest`). Idempotent on the key;
 * concurrent writers of the same key meet at the unique (program_id, key) index, and the loser
 * replays or conflicts with the winner.
 *
 * Nothing partial on a crash: the only write is one statement (actions and their rewards
 * together), atomic on its own, so batches naming existing types need no transaction (two round
 * trips, three when a key is stored, instead of six: BENCHMARKS.md, "Two statements per action";
 * the plan reads committed rows either way, as each statement of a READ COMMITTED transaction
 * does). A batch
 * that creates action types runs whole in one transaction: the types and the actions are stored
 * together or not at all.
 */
export async function ingestActions(
  db: Pick<OpenDatabase, "transaction" | "sql">,
  program: IngestProgram,
  actions: PreparedAction[],
  options: IngestOptions = {},
): Promise<IngestOutcome[]> {
  const planned = await plan(db.sql, program.id, actions, false);
  if (planned) return write(db.sql, program, actions, planned, options);
  return db.transaction(async (tx) => {
    const inTransaction = await plan(tx, program.id, actions, true);
    if (!inTransaction) throw new Error("A plan that may create types always plans.");
    return write(tx, program, actions, inTransaction, options);
  });
}
