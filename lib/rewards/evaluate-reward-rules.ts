/** The reward-relevant facts of one action, as received. */
interface ActionForRules {
  actionTypeId: number;
  value: number;
  groupId: number;
  archived: boolean;
}

export interface RuleForEvaluation {
  id: number;
  actionTypeId: number;
  minValue: number | null;
  groupId: number | null;
  amountCents: number;
  multiplyByValue: boolean;
  active: boolean;
}

export type RuleOutcome =
  | { ruleId: number; outcome: "rewarded"; amountCents: number }
  | { ruleId: number; outcome: "rule_inactive" | "value_below_minimum" | "outside_group" };

export type RewardOutcome =
  | { kind: "rewarded"; rules: RuleOutcome[] }
  | { kind: "no_reward"; reason: "no_rule_for_type" | "action_archived"; rules: RuleOutcome[] }
  | { kind: "no_reward"; reason: "no_rule_matched"; rules: RuleOutcome[] };

/**
 * What an action row keeps: the outcome of our rules; `{ imported: true }` for an action an
 * import brought with the source's rewards (our rules never saw it); `{}` or `[]` when nothing
 * was evaluated.
 */
export type StoredRewardOutcome = RewardOutcome | { imported: true } | Record<string, never>;

/** What an imported action's reward_outcome holds. */
export const IMPORTED_OUTCOME = { imported: true } as const;

/**
 * Decides, for one action, which rules reward it and why the others do not. Pure, so ingestion,
 * the demo seed and tests share one definition of "a rule fired".
 */
export function evaluateRewardRules(
  action: ActionForRules,
  rules: RuleForEvaluation[],
): RewardOutcome {
  const forType = rules.filter((rule) => rule.actionTypeId === action.actionTypeId);
  if (action.archived) return { kind: "no_reward", reason: "action_archived", rules: [] };
  if (forType.length === 0) return { kind: "no_reward", reason: "no_rule_for_type", rules: [] };
  const outcomes: RuleOutcome[] = forType.map((rule) => {
    if (!rule.active) return { ruleId: rule.id, outcome: "rule_inactive" };
    if (rule.minValue !== null && action.value < rule.minValue) {
      return { ruleId: rule.id, outcome: "value_below_minimum" };
    }
    if (rule.groupId !== null && rule.groupId !== action.groupId) {
      return { ruleId: rule.id, outcome: "outside_group" };
    }
    const amountCents = rule.multiplyByValue ? rule.amountCents * action.value : rule.amountCents;
    return { ruleId: rule.id, outcome: "rewarded", amountCents };
  });
  return outcomes.some((o) => o.outcome === "rewarded")
    ? { kind: "rewarded", rules: outcomes }
    : { kind: "no_reward", reason: "no_rule_matched", rules: outcomes };
}
