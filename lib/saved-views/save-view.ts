import "server-only";
import { recordAudit, type AuditActor } from "../audit/record-audit";
import type { PrismaClient } from "../generated/prisma/client";
import { isNameTaken, nameTaken, type ViewChange } from "./view-change";

/**
 * Saves the program's current filters as a new view, with its audit entry. A name in use is
 * refused (updating a view's filters is `updateViewFilters`): nobody overwrites a view by accident.
 */
export async function saveView(
  prisma: PrismaClient,
  programId: number,
  actor: AuditActor & { id: number },
  name: string,
  query: string,
): Promise<ViewChange> {
  try {
    return await prisma.$transaction(async (tx) => {
      const { id } = await tx.savedView.create({
        data: { programId, userId: actor.id, name, query },
        select: { id: true },
      });
      await recordAudit(tx, {
        programId,
        actor,
        kind: "saved_views.created",
        summary: `Saved the view “${name}”`,
        details: { id, name, query },
      });
      return { ok: true, id };
    });
  } catch (error) {
    if (isNameTaken(error)) return nameTaken(name);
    throw error;
  }
}
