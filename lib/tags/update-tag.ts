import "server-only";
import type { TagOutput, UpdateTagInput } from "../schemas/tags";
import { refusal, type Refusal } from "../errors/refusal";
import { isUniqueViolation } from "../db/unique-violation";
import { recordAudit, type AuditActor } from "../audit/record-audit";
import { Prisma, type PrismaClient } from "../generated/prisma/client";

/** The API names a tag by name, the app's forms by id (both only within the program). */
export type TagRef = { name: string } | { id: number };

type TagRow = { id: number; name: string; archivedAt: Date | null };

/**
 * Renames, archives or restores a tag of the program, with one audit entry per change, in one
 * transaction. The row is locked first, so a partnership given the tag at the same moment (which
 * reads it FOR SHARE) sees it archived or not. Archived tags stay on their partnerships and in
 * filters; they cannot be newly assigned. A name another tag has is a conflict naming `name`, also
 * when a concurrent rename takes it first (the unique index).
 */
export async function updateTag(
  prisma: PrismaClient,
  programId: number,
  ref: TagRef,
  input: UpdateTagInput,
  actor: AuditActor,
): Promise<{ ok: true; tag: TagOutput } | Refusal> {
  const taken = () => refusal("conflict", "name", `a tag named "${input.name}" already exists`);
  try {
    return await prisma.$transaction(async (tx) => {
      const [current] = await tx.$queryRaw<TagRow[]>`
        SELECT id, name, archived_at AS "archivedAt" FROM tags
        WHERE program_id = ${programId}
          AND ${"name" in ref ? Prisma.sql`name = ${ref.name}` : Prisma.sql`id = ${ref.id}`}
        FOR UPDATE`;
      if (!current) {
        return "name" in ref
          ? refusal("not_found", "tag_name", `unknown tag "${ref.name}"`)
          : refusal("not_found", "id", "No such tag in this program.");
      }
      const audit = (kind: "tags.updated" | "tags.archived", summary: string, details: object) =>
        recordAudit(tx, {
          programId,
          actor,
          kind,
          summary,
          details: { id: current.id, ...details },
        });

      let next = current;
      if (input.name !== undefined && input.name !== current.name) {
        const [other] = await tx.$queryRaw<{ id: number }[]>`
          SELECT id FROM tags WHERE program_id = ${programId} AND name = ${input.name}`;
        if (other) return taken();
        next = { ...next, name: input.name };
        await audit("tags.updated", `Renamed tag "${current.name}" to "${input.name}"`, {
          before: { name: current.name },
          after: { name: input.name },
        });
      }
      if (input.archived !== undefined && input.archived !== (current.archivedAt !== null)) {
        next = { ...next, archivedAt: input.archived ? new Date() : null };
        if (input.archived) await audit("tags.archived", `Archived tag "${next.name}"`, {});
        else await audit("tags.updated", `Restored tag "${next.name}"`, { archived: false });
      }
      if (next !== current) {
        await tx.tag.update({
          where: { programId_id: { programId, id: current.id } },
          data: { name: next.name, archivedAt: next.archivedAt },
        });
      }
      return { ok: true as const, tag: { name: next.name, archived: next.archivedAt !== null } };
    });
  } catch (error) {
    if (isUniqueViolation(error)) return taken();
    throw error;
  }
}
