import type { RuleForEvaluation } from "../rewards/evaluate-reward-rules";

/** A rule's terms as a draft sets them (ids resolved from the form's names and keys). */
export type RuleTerms = Omit<RuleForEvaluation, "id">;

/**
 * One change tried on history: a new rule, new terms for an existing rule, or an existing rule
 * switched off. The published rules stay as they are; the replay prices the actions both ways.
 */
export type RuleChange =
  | { kind: "add"; terms: RuleTerms }
  | { kind: "edit"; ruleId: number; terms: RuleTerms }
  | { kind: "off"; ruleId: number };

/** A new rule's id in a draft: no stored rule has it (ids are positive). */
export const DRAFT_RULE_ID = 0;

/** The program's rules with the change made, as evaluateRewardRules would read them. */
export function applyRuleChange(
  rules: RuleForEvaluation[],
  change: RuleChange,
): RuleForEvaluation[] {
  if (change.kind === "add") return [...rules, { id: DRAFT_RULE_ID, ...change.terms }];
  return rules.map((rule) => {
    if (rule.id !== change.ruleId) return rule;
    return change.kind === "off" ? { ...rule, active: false } : { id: rule.id, ...change.terms };
  });
}
