import "server-only";
import { recordAudit, type AuditActor } from "../audit/record-audit";
import type { PrismaClient } from "../generated/prisma/client";
import { NO_SUCH_VIEW, type ViewChange } from "./view-change";

/**
 * Gives a saved view the current filters, with its audit entry (before and after); the same
 * filters again change nothing and write no entry. Its delivery schedules send the new filters.
 */
export async function updateViewFilters(
  prisma: PrismaClient,
  programId: number,
  id: number,
  actor: AuditActor,
  query: string,
): Promise<ViewChange> {
  return prisma.$transaction(async (tx) => {
    const view = await tx.savedView.findUnique({
      where: { programId_id: { programId, id } },
      select: { name: true, query: true },
    });
    if (!view) return NO_SUCH_VIEW;
    if (view.query === query) return { ok: true, id };
    await tx.savedView.update({ where: { programId_id: { programId, id } }, data: { query } });
    await recordAudit(tx, {
      programId,
      actor,
      kind: "saved_views.updated",
      summary: `Updated the filters of the view “${view.name}”`,
      details: { id, name: view.name, before: view.query, after: query },
    });
    return { ok: true, id };
  });
}
