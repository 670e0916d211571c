import "server-only";
import { recordAudit, type AuditActor } from "../audit/record-audit";
import type { PrismaClient } from "../generated/prisma/client";
import { isNameTaken, nameTaken, NO_SUCH_VIEW, type ViewChange } from "./view-change";

/** Renames a saved view, with its audit entry; a name another view has is refused. */
export async function renameView(
  prisma: PrismaClient,
  programId: number,
  id: number,
  actor: AuditActor,
  name: string,
): Promise<ViewChange> {
  try {
    return await prisma.$transaction(async (tx) => {
      const view = await tx.savedView.findUnique({
        where: { programId_id: { programId, id } },
        select: { name: true },
      });
      if (!view) return NO_SUCH_VIEW;
      if (view.name === name) return { ok: true, id };
      await tx.savedView.update({ where: { programId_id: { programId, id } }, data: { name } });
      await recordAudit(tx, {
        programId,
        actor,
        kind: "saved_views.renamed",
        summary: `Renamed the view “${view.name}” to “${name}”`,
        details: { id, before: view.name, after: name },
      });
      return { ok: true, id };
    });
  } catch (error) {
    if (isNameTaken(error)) return nameTaken(name);
    throw error;
  }
}
