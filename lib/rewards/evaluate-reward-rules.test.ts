import { describe, expect, it } from "vitest";
import { evaluateRewardRules, type RuleForEvaluation } from "./evaluate-reward-rules";

const rule = (overrides: Partial<RuleForEvaluation>): RuleForEvaluation => ({
  id: 1,
  actionTypeId: 10,
  minValue: null,
  groupId: null,
  amountCents: 500,
  multiplyByValue: false,
  active: true,
  ...overrides,
});

const action = { actionTypeId: 10, value: 3, groupId: 7, archived: false };

describe("evaluateRewardRules", () => {
  it("rewards a flat amount, or amount × value", () => {
    const outcome = evaluateRewardRules(action, [
      rule({ id: 1 }),
      rule({ id: 2, multiplyByValue: true, amountCents: 100 }),
    ]);
    expect(outcome).toEqual({
      kind: "rewarded",
      rules: [
        { ruleId: 1, outcome: "rewarded", amountCents: 500 },
        { ruleId: 2, outcome: "rewarded", amountCents: 300 },
      ],
    });
  });

  it("explains each rule that did not fire", () => {
    const outcome = evaluateRewardRules(action, [
      rule({ id: 1, active: false }),
      rule({ id: 2, minValue: 4 }),
      rule({ id: 3, groupId: 8 }),
      rule({ id: 4, actionTypeId: 99 }),
    ]);
    expect(outcome).toEqual({
      kind: "no_reward",
      reason: "no_rule_matched",
      rules: [
        { ruleId: 1, outcome: "rule_inactive" },
        { ruleId: 2, outcome: "value_below_minimum" },
        { ruleId: 3, outcome: "outside_group" },
      ],
    });
  });

  it("says when no rule exists for the type, and never rewards archived actions", () => {
    expect(evaluateRewardRules(action, [rule({ actionTypeId: 99 })])).toMatchObject({
      reason: "no_rule_for_type",
    });
    expect(evaluateRewardRules({ ...action, archived: true }, [rule({})])).toMatchObject({
      reason: "action_archived",
    });
  });

  it("rewards a value exactly at the minimum", () => {
    expect(evaluateRewardRules(action, [rule({ minValue: 3 })]).kind).toBe("rewarded");
  });
});
