import "server-only";
import type { CreateTagInput, TagOutput } from "../schemas/tags";
import { refusal, type Refusal } from "../errors/refusal";
import { recordAudit, type AuditActor } from "../audit/record-audit";
import type { PrismaClient } from "../generated/prisma/client";

/**
 * A new tag, from the app or the API, with its audit entry, in one transaction. A name already
 * used is a conflict naming `name` (the unique index decides; the insert skips it instead of failing).
 */
export async function createTag(
  prisma: PrismaClient,
  programId: number,
  input: CreateTagInput,
  actor: AuditActor,
): Promise<{ ok: true; tag: TagOutput } | Refusal> {
  return prisma.$transaction(async (tx) => {
    const [row] = await tx.$queryRaw<{ name: string }[]>`
      INSERT INTO tags (program_id, name) VALUES (${programId}, ${input.name})
      ON CONFLICT (program_id, name) DO NOTHING
      RETURNING name`;
    if (!row) return refusal("conflict", "name", `a tag named "${input.name}" already exists`);
    await recordAudit(tx, {
      programId,
      actor,
      kind: "tags.created",
      summary: `Created tag "${row.name}"`,
      details: { name: row.name },
    });
    return { ok: true as const, tag: { name: row.name, archived: false } };
  });
}
