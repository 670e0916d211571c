import "server-only";
import type { Prisma, PrismaClient } from "../generated/prisma/client";

/** Rule id → name for one program: loaded once per request instead of one lookup per action. */
export async function loadRuleNames(
  db: PrismaClient | Prisma.TransactionClient,
  programId: number,
): Promise<Map<number, string>> {
  const rules = await db.rewardRule.findMany({
    where: { programId },
    select: { id: true, name: true },
  });
  return new Map(rules.map((r) => [r.id, r.name]));
}
