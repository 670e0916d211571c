import { z } from "zod";
import { rewardRuleFormSchema } from "../reward-rules/reward-rule-schema";

/** What a draft does: add a rule, change an existing one, or switch one off. */
export const DRAFT_CHANGES = ["add", "edit", "off"] as const;

/** The URL keys of a draft (beside the tab's filters, whose keys none of them shares). */
export const DRAFT_KEYS = [
  "change",
  "rule",
  "actionType",
  "minValue",
  "groupKey",
  "amount",
  "multiplyByValue",
] as const;
export type DraftKey = (typeof DRAFT_KEYS)[number];

/** The rule a change or switch-off names: a row id, never empty. */
const ruleId = rewardRuleFormSchema.shape.id.transform((id, ctx) => {
  if (id === null) {
    ctx.addIssue({ code: "custom", message: "Choose the rule to change" });
    return z.NEVER;
  }
  return id;
});

/** A field a link may leave out: read as the empty form field it stands for. */
const orEmpty = <T extends z.ZodType>(schema: T) => z.preprocess((v) => v ?? "", schema);

/** A rule's terms as the reward rule form takes them (same fields, same refusals). */
const terms = rewardRuleFormSchema.pick({ groupKey: true, multiplyByValue: true }).extend({
  actionType: orEmpty(rewardRuleFormSchema.shape.actionType),
  minValue: orEmpty(rewardRuleFormSchema.shape.minValue),
  amount: orEmpty(rewardRuleFormSchema.shape.amount),
});

/**
 * A draft as the URL carries it (all strings, the rule form's field names), to what it changes.
 * Every refusal names its field.
 */
export const ruleDraftSchema = z.discriminatedUnion(
  "change",
  [
    terms.extend({ change: z.literal("add") }),
    terms.extend({ change: z.literal("edit"), rule: ruleId }),
    z.object({ change: z.literal("off"), rule: ruleId }),
  ],
  { error: "Choose what to try: a new rule, a change to a rule, or a rule switched off" },
);

export type RuleDraft = z.output<typeof ruleDraftSchema>;

/** The draft's keys of a query string (first value of each), the rest left out. */
export function draftInput(query: Record<string, string | string[] | undefined>) {
  return Object.fromEntries(
    DRAFT_KEYS.flatMap((key) => {
      const value = query[key];
      const first = Array.isArray(value) ? value[0] : value;
      return first === undefined ? [] : [[key, first]];
    }),
  ) as Partial<Record<DraftKey, string>>;
}
