import { DomainError, fieldNotFound, invalidFields } from "../errors/domain-error";
import { MAX_INT } from "../validation/fields";
import type { CreateActionInput } from "../schemas/actions";
import { evaluateRewardRules } from "../rewards/evaluate-reward-rules";
import { typeLimitMessage } from "./action-type-limit";
import type {
  IngestDecision,
  IngestLookups,
  NewAction,
  PreparedAction,
  ResolvedTarget,
} from "./ingest-types";

export interface IngestPlan {
  /** One decision per action, in request order. */
  decisions: IngestDecision[];
  /** Type names accepted actions need that do not exist yet. */
  missingTypes: string[];
}

function keyConflict(key: string): DomainError {
  return new DomainError(
    "conflict",
    `An action with key "${key}" already exists with a different body.`,
    [{ field: "key", message: `"${key}" is already used by a different action` }],
  );
}

function archivedPartnership(partnerKey: string): DomainError {
  return invalidFields([
    {
      field: "target_key",
      message: `partnership "${partnerKey}" is archived; restore it to record actions`,
    },
  ]);
}

function resolveTarget(
  input: CreateActionInput,
  lookups: IngestLookups,
): ResolvedTarget | DomainError {
  if (input.target_type === "customer") {
    const found = lookups.customers.get(input.target_key);
    if (!found || found.customer?.archived) {
      return fieldNotFound("target_key", input.target_key, "customer");
    }
    return found.partnership.archived ? archivedPartnership(found.partnership.key) : found;
  }
  const found = lookups.partnerships.get(input.target_key);
  if (!found) return fieldNotFound("target_key", input.target_key, "partnership");
  return found.partnership.archived ? archivedPartnership(input.target_key) : found;
}

function newAction(
  { input, key, hash }: PreparedAction,
  target: ResolvedTarget,
  lookups: IngestLookups,
): NewAction | DomainError {
  const type = lookups.types.get(input.type);
  // A type that does not exist yet has no rules.
  const outcome = evaluateRewardRules(
    {
      actionTypeId: type?.id ?? 0,
      value: input.value,
      groupId: target.partnership.groupId,
      archived: false,
    },
    type?.rules ?? [],
  );
  const rewards = outcome.rules.flatMap((rule) =>
    rule.outcome === "rewarded" ? [{ ruleId: rule.ruleId, amountCents: rule.amountCents }] : [],
  );
  const rewardCents = rewards.reduce((sum, r) => sum + r.amountCents, 0);
  // amount × value can pass what a reward can hold: refuse the action.
  if (rewardCents > MAX_INT) {
    return invalidFields([
      { field: "value", message: "makes a reward larger than can be stored; send a smaller value" },
    ]);
  }
  return {
    key,
    hash,
    typeName: input.type,
    typeId: type?.id ?? null,
    value: input.value,
    targetType: input.target_type,
    target,
    occurredAt: input.occurred_at === undefined ? null : new Date(input.occurred_at),
    outcome,
    rewards,
    rewardCents,
    properties: input.properties ?? {},
  };
}

/**
 * Decides what becomes of each action, as if they were recorded one after another in request
 * order: a stored key replays (same body) or conflicts; the first accepted record of a key
 * is inserted and later ones replay it or conflict with it; then the target must exist and be
 * active, and the rewards must fit. Pure: the caller reads the lookups and writes the result.
 */
export function planIngest(actions: PreparedAction[], lookups: IngestLookups): IngestPlan {
  const acceptedByKey = new Map<string, number>();
  const missingTypes = new Set<string>();
  const decisions = actions.map((action, index): IngestDecision => {
    const stored = lookups.existing.get(action.key);
    if (stored) {
      return stored.request_hash === action.hash
        ? { kind: "stored", row: stored }
        : { kind: "rejected", error: keyConflict(action.key) };
    }
    const earlier = acceptedByKey.get(action.key);
    if (earlier !== undefined) {
      return actions[earlier].hash === action.hash
        ? { kind: "same-as", index: earlier }
        : { kind: "rejected", error: keyConflict(action.key) };
    }
    const target = resolveTarget(action.input, lookups);
    if (target instanceof DomainError) return { kind: "rejected", error: target };
    const accepted = newAction(action, target, lookups);
    if (accepted instanceof DomainError) return { kind: "rejected", error: accepted };
    // A new type past the program's limit: refused, naming the field (the rest of the batch goes on).
    const newType = accepted.typeId === null && !missingTypes.has(accepted.typeName);
    if (newType && missingTypes.size >= lookups.typeRoom) {
      return {
        kind: "rejected",
        error: invalidFields([{ field: "type", message: typeLimitMessage(lookups.typeLimit) }]),
      };
    }
    acceptedByKey.set(action.key, index);
    if (accepted.typeId === null) missingTypes.add(accepted.typeName);
    return { kind: "insert", action: accepted };
  });
  return { decisions, missingTypes: [...missingTypes] };
}
