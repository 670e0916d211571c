import "server-only";
import type { PrismaClient } from "../generated/prisma/client";
import type { RuleForEvaluation } from "../rewards/evaluate-reward-rules";

/** Every rule of a program (paused ones too) as evaluateRewardRules reads them, by id. */
export function loadRulesForEvaluation(
  prisma: PrismaClient,
  programId: number,
): Promise<RuleForEvaluation[]> {
  return prisma.rewardRule.findMany({
    where: { programId },
    select: {
      id: true,
      actionTypeId: true,
      minValue: true,
      groupId: true,
      amountCents: true,
      multiplyByValue: true,
      active: true,
    },
    orderBy: { id: "asc" },
  });
}
