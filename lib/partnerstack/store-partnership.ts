import "server-only";
import type { Prisma } from "../generated/prisma/client";
import { resolveGroupId } from "./store-groups";
import type { SourcePartnership } from "./source-records";
import { archiveByEvent, isStale, newestSourceTime } from "./source-time";

type Tx = Prisma.TransactionClient;
/** `stale`: the source's event is older than what is stored, and was not applied. */
export type StoreOutcome = "created" | "updated" | "unchanged" | "stale";

/** The program member with this email (a partner manager), or null when none is. */
async function managerId(tx: Tx, programId: number, email: string | null | undefined) {
  if (!email) return null;
  const [found] = await tx.$queryRaw<{ user_id: number }[]>`
    SELECT m.user_id FROM memberships m JOIN users u ON u.id = m.user_id
    WHERE m.program_id = ${programId} AND lower(u.email) = lower(${email.trim()})`;
  return found?.user_id ?? null;
}

/** Makes the partnership's tags exactly `names`, creating tags not seen yet. */
async function setTags(tx: Tx, programId: number, partnershipId: number, names: string[]) {
  const wanted = [...new Set(names.map((n) => n.trim()).filter(Boolean))].sort();
  await tx.tag.createMany({
    data: wanted.map((name) => ({ programId, name })),
    skipDuplicates: true,
  });
  const tags = await tx.tag.findMany({ where: { programId, name: { in: wanted } } });
  const ids = tags.map((t) => t.id);
  const removed = await tx.partnershipTag.deleteMany({
    where: { programId, partnershipId, tagId: { notIn: ids } },
  });
  const added = await tx.partnershipTag.createMany({
    data: ids.map((tagId) => ({ programId, partnershipId, tagId })),
    skipDuplicates: true,
  });
  return removed.count + added.count > 0;
}

/**
 * A partnership from the source, by partner_key: created, or changed where the source says
 * otherwise. Fields the source leaves out (a webhook sending only some) keep their value.
 */
export async function storePartnership(
  tx: Tx,
  programId: number,
  source: SourcePartnership,
): Promise<StoreOutcome> {
  const current = await tx.partnership.findUnique({
    where: { programId_partnerKey: { programId, partnerKey: source.partnerKey } },
    include: { tags: { include: { tag: true } } },
  });
  if (isStale(source.updated_at, current?.sourceUpdatedAt)) return "stale";
  const sourceUpdatedAt = newestSourceTime(source.updated_at, current?.sourceUpdatedAt);
  const groupId =
    source.group || !current ? await resolveGroupId(tx, programId, source.group) : current.groupId;
  // A manager who is not a member yet waits by email, and is assigned when they join.
  const manager =
    source.manager_email !== undefined
      ? await managerId(tx, programId, source.manager_email)
      : (current?.managerUserId ?? null);
  const pendingManagerEmail =
    source.manager_email !== undefined
      ? manager === null && source.manager_email
        ? source.manager_email.trim().toLowerCase()
        : null
      : (current?.pendingManagerEmail ?? null);
  const archived = source.archived ?? (current ? current.archivedAt !== null : false);
  const at = (ms: number | null | undefined) => (ms == null ? undefined : new Date(ms));
  const fields = {
    email: source.email ?? current?.email ?? "",
    firstName: source.first_name ?? current?.firstName ?? "",
    lastName: source.last_name ?? current?.lastName ?? "",
    groupId,
    managerUserId: manager,
    pendingManagerEmail,
    isMarketplace: source.is_marketplace ?? current?.isMarketplace ?? false,
  };
  if (!current) {
    const created = await tx.partnership.create({
      data: {
        programId,
        partnerKey: source.partnerKey,
        ...fields,
        joinedAt: at(source.joined_at ?? source.created_at),
        createdAt: at(source.created_at),
        archivedAt: archived ? (at(source.updated_at) ?? new Date()) : null,
        sourceUpdatedAt,
      },
    });
    if (source.tags) await setTags(tx, programId, created.id, source.tags);
    return "created";
  }
  const changed =
    fields.email !== current.email ||
    fields.firstName !== current.firstName ||
    fields.lastName !== current.lastName ||
    fields.groupId !== current.groupId ||
    fields.managerUserId !== current.managerUserId ||
    fields.pendingManagerEmail !== current.pendingManagerEmail ||
    fields.isMarketplace !== current.isMarketplace ||
    archived !== (current.archivedAt !== null);
  if (changed || sourceUpdatedAt?.getTime() !== current.sourceUpdatedAt?.getTime()) {
    await tx.partnership.update({
      where: { programId_id: { programId, id: current.id } },
      data: {
        ...fields,
        archivedAt: archived ? (current.archivedAt ?? new Date()) : null,
        sourceUpdatedAt,
      },
    });
  }
  const tagsChanged = source.tags ? await setTags(tx, programId, current.id, source.tags) : false;
  return changed || tagsChanged ? "updated" : "unchanged";
}

/**
 * Archives the partnership with this key (PartnerStack's partnership_deleted); unknown:
 * unchanged; a deletion older than the newest event applied: stale.
 */
export async function archivePartnership(
  tx: Tx,
  programId: number,
  partnerKey: string,
  updatedAt?: number | null,
): Promise<StoreOutcome> {
  const current = await tx.partnership.findUnique({
    where: { programId_partnerKey: { programId, partnerKey } },
    select: { id: true, archivedAt: true, sourceUpdatedAt: true },
  });
  if (!current) return "unchanged";
  const { outcome, write } = archiveByEvent(current, updatedAt);
  if (write) {
    await tx.partnership.update({
      where: { programId_id: { programId, id: current.id } },
      data: write,
    });
  }
  return outcome;
}
