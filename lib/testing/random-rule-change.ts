// fast-check arbitraries for a draft tried on history (lib/rule-replay): a new rule, new terms for
// a seeded rule, or a seeded rule switched off. Abstract indexes, resolved against a program.
import fc from "fast-check";
import type { RuleChange, RuleTerms } from "../rule-replay/rule-change";
import type { RuleSpec } from "./random-tab-world";
import type { SeededProgram } from "./seed-random-world";

/** A rule's terms as indexes: the shape the random world's rules have. */
type TermsSpec = RuleSpec;

export type RuleChangeSpec =
  | { kind: "add"; terms: TermsSpec }
  | { kind: "edit"; rule: number; terms: TermsSpec }
  | { kind: "off"; rule: number };

const termsSpec: fc.Arbitrary<TermsSpec> = fc.record({
  type: fc.nat(4),
  minValue: fc.option(fc.integer({ min: 1, max: 4 })),
  group: fc.option(fc.nat(3)),
  // Now and then the form's largest amount: × value passes 32 bits, summed 2^53.
  amountCents: fc.oneof(
    { weight: 4, arbitrary: fc.integer({ min: 0, max: 20_000 }) },
    { weight: 1, arbitrary: fc.constant(999_999_999) },
  ),
  multiplyByValue: fc.boolean(),
  active: fc.oneof({ weight: 3, arbitrary: fc.constant(true) }, fc.constant(false)),
});

export const ruleChangeSpec: fc.Arbitrary<RuleChangeSpec> = fc.oneof(
  fc.record({ kind: fc.constant("add" as const), terms: termsSpec }),
  fc.record({ kind: fc.constant("edit" as const), rule: fc.nat(5), terms: termsSpec }),
  fc.record({ kind: fc.constant("off" as const), rule: fc.nat(5) }),
);

const at = (i: number, list: number[]) => list[i % list.length];

function resolveTerms(t: TermsSpec, s: SeededProgram): RuleTerms {
  return {
    actionTypeId: at(t.type, s.typeIds),
    minValue: t.minValue,
    // An index past the groups stands for "any group".
    groupId: t.group === null || t.group >= s.groupIds.length ? null : s.groupIds[t.group],
    amountCents: t.amountCents,
    multiplyByValue: t.multiplyByValue,
    active: t.active,
  };
}

/** The change for one seeded program; a program without rules gets its terms as a new rule. */
export function resolveRuleChange(c: RuleChangeSpec, s: SeededProgram): RuleChange {
  if (c.kind !== "add" && s.rules.length) {
    const ruleId = s.rules[c.rule % s.rules.length].id;
    return c.kind === "off"
      ? { kind: "off", ruleId }
      : { kind: "edit", ruleId, terms: resolveTerms(c.terms, s) };
  }
  const terms =
    c.kind === "off"
      ? {
          type: c.rule,
          minValue: null,
          group: null,
          amountCents: 100,
          multiplyByValue: false,
          active: true,
        }
      : c.terms;
  return { kind: "add", terms: resolveTerms(terms, s) };
}
