import { describe, expect, it } from "vitest";
import { describeRewardOutcome } from "./describe-reward-outcome";

const names = (id: number) => ({ 1: "Signup bounty", 2: "Reseller demo" })[id] ?? `Rule ${id}`;

describe("describeRewardOutcome", () => {
  it("names the rules that rewarded", () => {
    expect(
      describeRewardOutcome(
        {
          kind: "rewarded",
          rules: [
            { ruleId: 1, outcome: "rewarded", amountCents: 500 },
            { ruleId: 2, outcome: "outside_group" },
          ],
        },
        names,
      ),
    ).toBe("Signup bounty");
  });

  it("says why nothing was rewarded", () => {
    expect(
      describeRewardOutcome(
        {
          kind: "no_reward",
          reason: "no_rule_matched",
          rules: [
            { ruleId: 2, outcome: "outside_group" },
            { ruleId: 3, outcome: "value_below_minimum" },
          ],
        },
        names,
      ),
    ).toBe(
      "No reward — Reseller demo: partner outside the rule's group; Rule 3: value below the rule's minimum",
    );
    expect(
      describeRewardOutcome({ kind: "no_reward", reason: "no_rule_for_type", rules: [] }, names),
    ).toBe("No reward: no rule for this action type");
    expect(describeRewardOutcome({}, names)).toBe("Not evaluated");
    expect(describeRewardOutcome({ imported: true }, names)).toBe(
      "Imported: rewards as the source made them",
    );
  });
});
