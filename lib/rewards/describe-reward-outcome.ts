import type { RuleOutcome, StoredRewardOutcome } from "./evaluate-reward-rules";

const WHY: Record<Exclude<RuleOutcome["outcome"], "rewarded">, string> = {
  rule_inactive: "rule paused",
  value_below_minimum: "value below the rule's minimum",
  outside_group: "partner outside the rule's group",
};

/** Plain words for why an action did or did not earn a reward, naming the rules. */
export function describeRewardOutcome(
  outcome: StoredRewardOutcome,
  ruleName: (id: number) => string,
): string {
  if ("imported" in outcome) return "Imported: rewards as the source made them";
  if (!("kind" in outcome)) return "Not evaluated";
  if (outcome.kind === "rewarded") {
    return outcome.rules
      .filter((r) => r.outcome === "rewarded")
      .map((r) => ruleName(r.ruleId))
      .join(", ");
  }
  if (outcome.reason === "no_rule_for_type") return "No reward: no rule for this action type";
  if (outcome.reason === "action_archived") return "No reward: action archived";
  const reasons = outcome.rules
    .map((r) => (r.outcome === "rewarded" ? null : `${ruleName(r.ruleId)}: ${WHY[r.outcome]}`))
    .filter(Boolean);
  return `No reward — ${reasons.join("; ")}`;
}
