import "server-only";
import type { GroupOutput, UpdateGroupInput } from "../schemas/groups";
import { refusal, type Refusal } from "../errors/refusal";
import { recordAudit, type AuditActor } from "../audit/record-audit";
import { Prisma, type PrismaClient } from "../generated/prisma/client";
import { groupSlugOf } from "./group-keys";
import { groupNameTaken } from "./group-name-taken";
import { groupOutputOf, type GroupRow } from "./group-output";

/** The API names a group by key, the app's forms by id (both only within the program). */
export type GroupRef = { key: string } | { id: number };

/**
 * Renames, archives or restores a group of the program, with one audit entry per change, in one
 * transaction. The row is locked first, so a partnership joining the group at the same moment
 * (which reads it FOR SHARE) sees it archived or not, never half-way. Archived groups keep their
 * partnerships and numbers; they only take no new partnerships.
 */
export async function updateGroup(
  prisma: PrismaClient,
  programId: number,
  ref: GroupRef,
  input: UpdateGroupInput,
  actor: AuditActor,
): Promise<{ ok: true; group: GroupOutput } | Refusal> {
  return prisma.$transaction(async (tx) => {
    const [current] = await tx.$queryRaw<GroupRow[]>`
      SELECT id, key, name, slug, archived_at AS "archivedAt", created_at AS "createdAt"
      FROM groups
      WHERE program_id = ${programId}
        AND ${"key" in ref ? Prisma.sql`key = ${ref.key}` : Prisma.sql`id = ${ref.id}`}
      FOR UPDATE`;
    if (!current) return notFound(ref);
    const audit = (kind: "groups.updated" | "groups.archived", summary: string, details: object) =>
      recordAudit(tx, {
        programId,
        actor,
        kind,
        summary,
        details: { key: current.key, ...details },
      });

    let next = current;
    if (input.name !== undefined && input.name !== current.name) {
      if (await groupNameTaken(tx, programId, input.name, current.id)) {
        return refusal("conflict", "name", `a group named "${input.name}" already exists`);
      }
      next = { ...next, name: input.name, slug: groupSlugOf(input.name, current.key) };
      await audit("groups.updated", `Renamed group "${current.name}" to "${input.name}"`, {
        before: { name: current.name },
        after: { name: input.name },
      });
    }
    if (input.archived !== undefined && input.archived !== (current.archivedAt !== null)) {
      next = { ...next, archivedAt: input.archived ? new Date() : null };
      if (input.archived) await audit("groups.archived", `Archived group "${next.name}"`, {});
      else await audit("groups.updated", `Restored group "${next.name}"`, { archived: false });
    }
    if (next !== current) {
      await tx.group.update({
        where: { programId_id: { programId, id: current.id } },
        data: { name: next.name, slug: next.slug, archivedAt: next.archivedAt },
      });
    }
    return { ok: true as const, group: groupOutputOf(next) };
  });
}

function notFound(ref: GroupRef): Refusal {
  return "key" in ref
    ? refusal("not_found", "group_key", `unknown group "${ref.key}"`)
    : refusal("not_found", "id", "No such group in this program.");
}
