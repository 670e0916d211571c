import "server-only";
import type { PrismaClient } from "../generated/prisma/client";
import { loadRulesForEvaluation } from "../reward-rules/load-rules-for-evaluation";
import type { RuleForEvaluation } from "../rewards/evaluate-reward-rules";
import type { RuleChange } from "./rule-change";
import type { RuleDraft } from "./rule-draft-schema";

export type ResolvedDraft =
  | { ok: true; change: RuleChange; rules: RuleForEvaluation[] }
  | { ok: false; fields: Record<string, string> };

/**
 * The program's rules as ingestion evaluates them (all, paused ones included), and the draft
 * with its names and keys turned into the program's ids — or refusals naming the fields: a rule,
 * type or group of another program is "no such" here, as it is everywhere else.
 */
export async function resolveRuleDraft(
  prisma: PrismaClient,
  programId: number,
  draft: RuleDraft,
): Promise<ResolvedDraft> {
  const rules = await loadRulesForEvaluation(prisma, programId);
  const fields: Record<string, string> = {};
  if (draft.change !== "add" && !rules.some((r) => r.id === draft.rule))
    fields.rule = "No such rule in this program";
  if (draft.change === "off") {
    return Object.keys(fields).length
      ? { ok: false, fields }
      : { ok: true, change: { kind: "off", ruleId: draft.rule }, rules };
  }
  const [type, group] = await Promise.all([
    prisma.actionType.findUnique({
      where: { programId_name: { programId, name: draft.actionType } },
      select: { id: true },
    }),
    draft.groupKey === null
      ? null
      : prisma.group.findUnique({
          where: { programId_key: { programId, key: draft.groupKey } },
          select: { id: true },
        }),
  ]);
  if (!type) fields.actionType = "No action of this type has been received: nothing to try it on";
  if (draft.groupKey !== null && !group) fields.groupKey = "No such group in this program";
  if (!type || Object.keys(fields).length) return { ok: false, fields };
  const terms = {
    actionTypeId: type.id,
    minValue: draft.minValue,
    groupId: group?.id ?? null,
    amountCents: draft.amount,
    multiplyByValue: draft.multiplyByValue,
    // A drafted rule is tried switched on; switching one off is its own change.
    active: true,
  };
  const change: RuleChange =
    draft.change === "add" ? { kind: "add", terms } : { kind: "edit", ruleId: draft.rule, terms };
  return { ok: true, change, rules };
}
