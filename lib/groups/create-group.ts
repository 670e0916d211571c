import "server-only";
import type { CreateGroupInput, GroupOutput } from "../schemas/groups";
import { refusal, type Refusal } from "../errors/refusal";
import { recordAudit, type AuditActor } from "../audit/record-audit";
import type { PrismaClient } from "../generated/prisma/client";
import { groupKeyCandidates, groupSlugOf } from "./group-keys";
import { groupNameTaken } from "./group-name-taken";
import { groupOutputOf, type GroupRow } from "./group-output";

/**
 * A new group, from the app or the API, with its audit entry, in one transaction. A name another
 * group has (ignoring case) or a key already used is a conflict naming the field; without a key one
 * is derived from the name (`groupKeyCandidates`). The unique index decides keys: the insert
 * skips a taken key instead of failing the transaction.
 */
export async function createGroup(
  prisma: PrismaClient,
  programId: number,
  input: CreateGroupInput,
  actor: AuditActor,
): Promise<{ ok: true; group: GroupOutput } | Refusal> {
  return prisma.$transaction(async (tx) => {
    if (await groupNameTaken(tx, programId, input.name)) {
      return refusal("conflict", "name", `a group named "${input.name}" already exists`);
    }
    const candidates = input.key === undefined ? groupKeyCandidates(input.name) : [input.key];
    for (const key of candidates) {
      const [row] = await tx.$queryRaw<GroupRow[]>`
        INSERT INTO groups (program_id, key, name, slug)
        VALUES (${programId}, ${key}, ${input.name}, ${groupSlugOf(input.name, key)})
        ON CONFLICT (program_id, key) DO NOTHING
        RETURNING id, key, name, slug, archived_at AS "archivedAt", created_at AS "createdAt"`;
      if (!row) continue;
      await recordAudit(tx, {
        programId,
        actor,
        kind: "groups.created",
        summary: `Created group "${row.name}" (key ${row.key})`,
        details: { key: row.key, name: row.name },
      });
      return { ok: true as const, group: groupOutputOf(row) };
    }
    return refusal("conflict", "key", `"${candidates[0]}" is already the key of another group`);
  });
}
