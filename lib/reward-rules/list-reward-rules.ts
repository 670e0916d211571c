import "server-only";
import type { PrismaClient } from "../generated/prisma/client";

export async function listRewardRules(prisma: PrismaClient, programId: number) {
  const rules = await prisma.rewardRule.findMany({
    where: { programId },
    include: {
      actionType: { select: { name: true } },
      group: { select: { key: true, name: true } },
    },
    orderBy: [{ active: "desc" }, { name: "asc" }],
  });
  const rewardCounts = await prisma.reward.groupBy({
    by: ["ruleId"],
    where: { programId, archivedAt: null },
    _count: { _all: true },
  });
  const counts = new Map(rewardCounts.map((r) => [r.ruleId, r._count._all]));
  return rules.map((rule) => ({
    id: rule.id,
    name: rule.name,
    actionType: rule.actionType.name,
    minValue: rule.minValue,
    group: rule.group,
    amountCents: rule.amountCents,
    multiplyByValue: rule.multiplyByValue,
    active: rule.active,
    rewards: counts.get(rule.id) ?? 0,
  }));
}
