import "server-only";
import { invalidFields, type FieldError } from "../api/api-error";
import type { Prisma } from "../generated/prisma/client";

/**
 * Turns the names a partnership body uses (group key, manager email, tag names) into ids, with a
 * 422 naming each unknown one. Tags are created on first use.
 */
export async function resolvePartnershipRefs(
  tx: Prisma.TransactionClient,
  programId: number,
  input: { group?: string; manager_email?: string | null; tags?: string[] },
) {
  const errors: FieldError[] = [];
  let groupId: number | undefined;
  let managerUserId: number | null | undefined;
  if (input.group !== undefined) {
    const group = await tx.group.findUnique({
      where: { programId_key: { programId, key: input.group } },
    });
    if (group) groupId = group.id;
    else errors.push({ field: "group", message: `unknown group "${input.group}"` });
  }
  if (input.manager_email === null) managerUserId = null;
  else if (input.manager_email !== undefined) {
    const member = await tx.membership.findFirst({
      where: { programId, user: { email: input.manager_email.toLowerCase() } },
      select: { userId: true },
    });
    if (member) managerUserId = member.userId;
    else
      errors.push({
        field: "manager_email",
        message: `"${input.manager_email}" is not a member of this program`,
      });
  }
  if (errors.length) throw invalidFields(errors);
  let tagIds: number[] | undefined;
  if (input.tags !== undefined) {
    const names = [...new Set(input.tags)];
    for (const name of names) {
      await tx.$executeRaw`INSERT INTO tags (program_id, name) VALUES (${programId}, ${name}) ON CONFLICT (program_id, name) DO NOTHING`;
    }
    const tags = await tx.tag.findMany({
      where: { programId, name: { in: names } },
      select: { id: true },
    });
    tagIds = tags.map((t) => t.id);
  }
  return { groupId, managerUserId, tagIds };
}
