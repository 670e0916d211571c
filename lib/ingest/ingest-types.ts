import type { DomainError } from "../errors/domain-error";
import type { ActionOutput, CreateActionInput } from "../schemas/actions";
import type { ActionProperties } from "../schemas/action-properties";
import type { ActionRow } from "../actions/action-record";
import type { RewardOutcome, RuleForEvaluation } from "../rewards/evaluate-reward-rules";

export interface IngestProgram {
  id: number;
  currency: string;
}

/** One validated action with the key it is stored under and the fingerprint of its request. */
export interface PreparedAction {
  input: CreateActionInput;
  key: string;
  hash: string;
}

/** What became of one action: stored (or replayed), or refused with the domain error the API answers. */
export type IngestOutcome =
  { ok: true; action: ActionOutput; replayed: boolean } | { ok: false; error: DomainError };

/** A customer or partnership an action can name, with the partnership it rewards. */
export interface ResolvedTarget {
  customer: {
    id: number;
    key: string;
    email: string | null;
    name: string | null;
    archived: boolean;
  } | null;
  partnership: { id: number; key: string; groupId: number; archived: boolean };
}

export interface ActionTypeWithRules {
  id: number;
  rules: (RuleForEvaluation & { name: string })[];
}

/** Everything the plan needs from the database, read with a few set lookups. */
export interface IngestLookups {
  /** Actions already stored under the batch's keys. */
  existing: Map<string, ActionRow>;
  customers: Map<string, ResolvedTarget>;
  partnerships: Map<string, ResolvedTarget>;
  /** Action types by name; a name missing here does not exist yet. */
  types: Map<string, ActionTypeWithRules>;
  /** How many new types the program may still get, and its limit (ACTION_TYPES_PER_PROGRAM). */
  typeRoom: number;
  typeLimit: number;
}

/** An accepted action, with its rewards evaluated before it is inserted. */
export interface NewAction {
  key: string;
  hash: string;
  typeName: string;
  /** Null until a type of this name is created. */
  typeId: number | null;
  value: number;
  targetType: "customer" | "partnership";
  target: ResolvedTarget;
  occurredAt: Date | null;
  outcome: RewardOutcome;
  rewards: { ruleId: number; amountCents: number }[];
  rewardCents: number;
  properties: ActionProperties;
}

export type IngestDecision =
  | { kind: "rejected"; error: DomainError }
  /** Same key and body as a stored action: a replay of it. */
  | { kind: "stored"; row: ActionRow }
  | { kind: "insert"; action: NewAction }
  /** Same key and body as an earlier accepted record of this batch. */
  | { kind: "same-as"; index: number };
