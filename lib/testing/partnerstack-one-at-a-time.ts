// The row-at-a-time semantics of storing PartnerStack partnerships and customers, as the import
// and the webhooks stored them before pages became set-based (commit 033d150): each row read,
// compared and written on its own. Kept only as the reference the equivalence test
// (lib/partnerstack/store-pages.test.ts) compares storePartnerships and storeCustomers with.
import type { Prisma } from "../generated/prisma/client";
import { slugOf } from "../partnerstack/page-groups";
import type { SourceCustomer, SourcePartnership } from "../partnerstack/source-records";
import { isStale, newestSourceTime, type StoreOutcome } from "../partnerstack/source-time";

type Tx = Prisma.TransactionClient;

/**
 * The id of the group a partnership names (by key, else slug, else name — webhook payloads carry
 * only id, name and slug); a group not seen yet is created. No group at all: "default".
 */
async function resolveGroupId(
  tx: Tx,
  programId: number,
  ref: { key?: string | null; slug?: string | null; name?: string | null } | null | undefined,
): Promise<number> {
  const key = ref?.key?.trim() || null;
  const slug = ref?.slug?.trim() || null;
  const name = ref?.name?.trim() || null;
  const found = await tx.group.findFirst({
    where: {
      programId,
      OR: [
        ...(key ? [{ key }] : []),
        ...(slug ? [{ slug }, { key: slug }] : []),
        ...(name ? [{ name }] : []),
        ...(!key && !slug && !name ? [{ key: "default" }] : []),
      ],
    },
    orderBy: { id: "asc" },
  });
  if (found) return found.id;
  const newKey = key ?? slug ?? (name ? slugOf(name) : "default");
  const created = await tx.group.upsert({
    where: { programId_key: { programId, key: newKey } },
    create: {
      programId,
      key: newKey,
      name: name ?? (newKey === "default" ? "Default" : newKey),
      slug: slug ?? slugOf(name ?? newKey),
    },
    update: {},
  });
  return created.id;
}

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
export async function storePartnershipOneAtATime(
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

/** JSON with object keys sorted, to compare two values whatever order their keys came in. */
const stable = (value: unknown): string =>
  JSON.stringify(value, (_, v: unknown) =>
    v && typeof v === "object" && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );

/**
 * A customer from the source, by customer_key: created or changed. A customer whose partnership
 * is not here (yet) is "skipped": attribution is the one thing a customer cannot lack.
 */
export async function storeCustomerOneAtATime(
  tx: Tx,
  programId: number,
  source: SourceCustomer,
): Promise<StoreOutcome | "skipped"> {
  const current = await tx.customer.findUnique({
    where: { programId_customerKey: { programId, customerKey: source.customerKey } },
  });
  if (isStale(source.updated_at, current?.sourceUpdatedAt)) return "stale";
  const sourceUpdatedAt = newestSourceTime(source.updated_at, current?.sourceUpdatedAt);
  let partnershipId = current?.partnershipId;
  if (source.partnerKey) {
    const partnership = await tx.partnership.findUnique({
      where: { programId_partnerKey: { programId, partnerKey: source.partnerKey } },
      select: { id: true },
    });
    if (!partnership) return "skipped";
    partnershipId = partnership.id;
  }
  if (partnershipId === undefined) return "skipped";
  const archived = source.archived ?? (current ? current.archivedAt !== null : false);
  const fields = {
    email: source.email !== undefined ? source.email : (current?.email ?? null),
    name: source.name !== undefined ? source.name : (current?.name ?? null),
    partnershipId,
    meta: (source.meta ?? current?.meta ?? {}) as Prisma.InputJsonValue,
  };
  if (!current) {
    await tx.customer.create({
      data: {
        programId,
        customerKey: source.customerKey,
        ...fields,
        createdAt: source.created_at == null ? undefined : new Date(source.created_at),
        archivedAt: archived ? new Date(source.updated_at ?? Date.now()) : null,
        sourceUpdatedAt,
      },
    });
    return "created";
  }
  const changed =
    fields.email !== current.email ||
    fields.name !== current.name ||
    fields.partnershipId !== current.partnershipId ||
    stable(fields.meta) !== stable(current.meta) ||
    archived !== (current.archivedAt !== null);
  const newer = sourceUpdatedAt?.getTime() !== current.sourceUpdatedAt?.getTime();
  if (!changed && !newer) return "unchanged";
  await tx.customer.update({
    where: { programId_id: { programId, id: current.id } },
    data: {
      ...fields,
      archivedAt: archived ? (current.archivedAt ?? new Date()) : null,
      sourceUpdatedAt,
    },
  });
  return changed ? "updated" : "unchanged";
}
