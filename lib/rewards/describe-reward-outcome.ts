import type { StoredRewardOutcome } from "./evaluate-reward-rules";
import { REWARD_REASONS as R, WHY_NOT_REWARDED } from "./reward-reasons";

/** Plain words for why an action did or did not earn a reward, naming the rules. */
export function describeRewardOutcome(
  outcome: StoredRewardOutcome,
  ruleName: (id: number) => string,
): string {
  if ("imported" in outcome) return R.imported;
  if (!("kind" in outcome)) return R.notEvaluated;
  if (outcome.kind === "rewarded") {
    return outcome.rules
      .filter((r) => r.outcome === "rewarded")
      .map((r) => ruleName(r.ruleId))
      .join(R.rewardedSeparator);
  }
  if (outcome.reason === "no_rule_for_type") return R.noRuleForType;
  if (outcome.reason === "action_archived") return R.actionArchived;
  const reasons = outcome.rules
    .map((r) =>
      r.outcome === "rewarded"
        ? null
        : `${ruleName(r.ruleId)}${R.whySeparator}${WHY_NOT_REWARDED[r.outcome]}`,
    )
    .filter(Boolean);
  return `${R.noReward}${reasons.join(R.refusedSeparator)}`;
}
