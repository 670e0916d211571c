import "server-only";
import { recordAudit, type AuditActor } from "../audit/record-audit";
import type { PrismaClient } from "../generated/prisma/client";

/**
 * Deletes a saved view (and, by the foreign key, its delivery schedules), with its audit entry;
 * false (and no entry) when the program has no such view.
 */
export async function deleteView(
  prisma: PrismaClient,
  programId: number,
  id: number,
  actor: AuditActor,
): Promise<boolean> {
  return prisma.$transaction(async (tx) => {
    const view = await tx.savedView.findUnique({
      where: { programId_id: { programId, id } },
      select: { name: true, query: true, _count: { select: { schedules: true } } },
    });
    const { count } = await tx.savedView.deleteMany({ where: { programId, id } });
    if (!view || count === 0) return false;
    await recordAudit(tx, {
      programId,
      actor,
      kind: "saved_views.deleted",
      summary: `Deleted the view “${view.name}”`,
      details: { id, name: view.name, query: view.query, schedules: view._count.schedules },
    });
    return true;
  });
}
