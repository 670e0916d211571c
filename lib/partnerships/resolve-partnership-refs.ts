import "server-only";
import { invalidFields, type FieldError } from "../errors/domain-error";
import { recordAudit, type AuditActor } from "../audit/record-audit";
import type { Prisma } from "../generated/prisma/client";
import { DEFAULT_GROUP } from "../programs/create-program";

type Tx = Prisma.TransactionClient;

interface RefsInput {
  group?: string;
  group_key?: string;
  manager_email?: string | null;
  tags?: string[];
}

/**
 * Turns the names a partnership body uses (group key, manager email, tag names) into ids, with
 * an invalid-input error naming each unknown or unusable one. `existing` is the partnership
 * being updated (absent when creating).
 *
 * - Group: `group` or `group_key` (PartnerStack's name). A new partnership that names none joins
 *   the program's default group (key `default`); without one the refusal names `group_key`.
 *   Archived groups take no new partnerships (a partnership already in one may stay).
 * - Tags are created on first use (audited as `actor`'s); archived tags cannot be newly assigned
 *   (one a partnership already has may stay).
 *
 * Groups and tags are read FOR SHARE, so an archive committing at the same moment is either seen
 * or waits for this transaction.
 */
export async function resolvePartnershipRefs(
  tx: Tx,
  programId: number,
  input: RefsInput,
  actor: AuditActor,
  existing?: { partnershipId: number },
) {
  const errors: FieldError[] = [];
  const current = existing ? await currentRefs(tx, programId, existing.partnershipId) : null;
  const groupId = await resolveGroup(tx, programId, input, current, errors);
  let managerUserId: number | null | undefined;
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
  const names = input.tags === undefined ? undefined : [...new Set(input.tags)];
  if (names !== undefined) {
    const archived = await tx.$queryRaw<{ id: number; name: string }[]>`
      SELECT id, name FROM tags
      WHERE program_id = ${programId} AND name = ANY(${names}::text[]) AND archived_at IS NOT NULL
      ORDER BY name
      FOR SHARE`;
    for (const tag of archived) {
      if (current?.tagIds.includes(tag.id)) continue;
      errors.push({
        field: "tags",
        message: `tag "${tag.name}" is archived: it cannot be assigned`,
      });
    }
  }
  if (errors.length) throw invalidFields(errors);
  let tagIds: number[] | undefined;
  if (names !== undefined) {
    for (const name of names) {
      const created = await tx.$queryRaw<{ name: string }[]>`
        INSERT INTO tags (program_id, name) VALUES (${programId}, ${name})
        ON CONFLICT (program_id, name) DO NOTHING
        RETURNING name`;
      if (created.length === 0) continue;
      await recordAudit(tx, {
        programId,
        actor,
        kind: "tags.created",
        summary: `Created tag "${name}" (named by a partnership)`,
        details: { name },
      });
    }
    const tags = await tx.tag.findMany({
      where: { programId, name: { in: names } },
      select: { id: true },
    });
    tagIds = tags.map((t) => t.id);
  }
  return { groupId, managerUserId, tagIds };
}

async function currentRefs(tx: Tx, programId: number, partnershipId: number) {
  const partnership = await tx.partnership.findUniqueOrThrow({
    where: { programId_id: { programId, id: partnershipId } },
    select: { groupId: true, tags: { select: { tagId: true } } },
  });
  return { groupId: partnership.groupId, tagIds: partnership.tags.map((t) => t.tagId) };
}

/** The group's id, undefined when an update leaves it; problems go to `errors`. */
async function resolveGroup(
  tx: Tx,
  programId: number,
  input: RefsInput,
  current: { groupId: number } | null,
  errors: FieldError[],
): Promise<number | undefined> {
  const field = input.group !== undefined ? "group" : "group_key";
  const key = input.group ?? input.group_key;
  if (key === undefined && current) return undefined;
  const [group] = await tx.$queryRaw<{ id: number; archived: boolean }[]>`
    SELECT id, archived_at IS NOT NULL AS archived FROM groups
    WHERE program_id = ${programId} AND key = ${key ?? DEFAULT_GROUP.key}
    FOR SHARE`;
  if (key === undefined) {
    if (!group) {
      errors.push({
        field,
        message: `this program has no default group (key "${DEFAULT_GROUP.key}"): name the partnership's group in group_key`,
      });
    } else if (group.archived) {
      errors.push({
        field,
        message: `the default group (key "${DEFAULT_GROUP.key}") is archived: name the partnership's group in group_key`,
      });
    }
  } else if (!group) {
    errors.push({ field, message: `unknown group "${key}"` });
  } else if (group.archived && group.id !== current?.groupId) {
    errors.push({ field, message: `group "${key}" is archived: it takes no new partnerships` });
  }
  return group?.id;
}
