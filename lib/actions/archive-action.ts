import "server-only";
import type { PrismaClient } from "../generated/prisma/client";
import { fieldNotFound } from "../errors/domain-error";
import { loadRuleNames } from "../rewards/load-rule-names";
import { ACTION_SELECT, toActionOutput, type ActionRow } from "./action-record";

/**
 * Archives an action and its rewards together; archived actions leave the Actions tab's numbers.
 * Archiving an archived action changes nothing and returns it.
 */
export async function archiveAction(prisma: PrismaClient, programId: number, key: string) {
  return prisma.$transaction(async (tx) => {
    const action = await tx.action.findUnique({
      where: { programId_key: { programId, key } },
      select: { id: true, archivedAt: true },
    });
    if (!action) throw fieldNotFound("key", key, "action");
    if (!action.archivedAt) {
      const now = new Date();
      await tx.action.update({
        where: { programId_id: { programId, id: action.id } },
        data: { archivedAt: now, updatedAt: now },
      });
      await tx.reward.updateMany({
        where: { programId, actionId: action.id, archivedAt: null },
        data: { archivedAt: now, updatedAt: now },
      });
    }
    const [row] = await tx.$queryRaw<
      ActionRow[]
    >`${ACTION_SELECT} WHERE a.program_id = ${programId} AND a.id = ${action.id}`;
    return toActionOutput(row, await loadRuleNames(tx, programId));
  });
}
