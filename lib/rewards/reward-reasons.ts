// The words of a reward reason, in one table: describeRewardOutcome (screens, PDF, JavaScript
// CSV) and both engines' CSV expressions (PostgreSQL CASE, ClickHouse multiIf/transform) are built
// from it, so the three spellings cannot drift apart.
import type { RuleOutcome } from "./evaluate-reward-rules";

export const REWARD_REASONS = {
  imported: "Imported: rewards as the source made them",
  notEvaluated: "Not evaluated",
  noRuleForType: "No reward: no rule for this action type",
  actionArchived: "No reward: action archived",
  /** Before the list of rules that did not reward, each "<rule>: <why>". */
  noReward: "No reward — ",
  /** Between the names of the rules that rewarded. */
  rewardedSeparator: ", ",
  /** Between the rules that did not reward. */
  refusedSeparator: "; ",
  /** Between a rule's name and why it did not reward. */
  whySeparator: ": ",
} as const;

/** Why a rule did not reward an action, by its outcome. */
export const WHY_NOT_REWARDED: Record<Exclude<RuleOutcome["outcome"], "rewarded">, string> = {
  rule_inactive: "rule paused",
  value_below_minimum: "value below the rule's minimum",
  outside_group: "partner outside the rule's group",
};
