import type { PrismaClient } from "../../lib/generated/prisma/client";
import { loadRulesForEvaluation } from "../../lib/reward-rules/load-rules-for-evaluation";
import { applyRuleChange } from "../../lib/rule-replay/rule-change";

/**
 * The bench's draft tried on history: the program's published rules, and the same with a rule
 * added on its first type that reads every condition — value ≥ 2, one group, 5.00 × value.
 */
export async function benchRuleSets(prisma: PrismaClient, programId: number) {
  const [today, type, group] = await Promise.all([
    loadRulesForEvaluation(prisma, programId),
    prisma.actionType.findFirstOrThrow({ where: { programId }, orderBy: { id: "asc" } }),
    prisma.group.findFirstOrThrow({ where: { programId }, orderBy: { id: "asc" } }),
  ]);
  const draft = applyRuleChange(today, {
    kind: "add",
    terms: {
      actionTypeId: type.id,
      minValue: 2,
      groupId: group.id,
      amountCents: 500,
      multiplyByValue: true,
      active: true,
    },
  });
  return { today, draft };
}
