import "server-only";
import type { Prisma } from "../generated/prisma/client";
import type { SourceCustomer } from "./source-records";
import { archiveByEvent, isStale, newestSourceTime } from "./source-time";
import type { StoreOutcome } from "./store-partnership";

type Tx = Prisma.TransactionClient;

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
export async function storeCustomer(
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

/** Archives the customer with this key (PartnerStack's customer_deleted), as archivePartnership. */
export async function archiveCustomer(
  tx: Tx,
  programId: number,
  customerKey: string,
  updatedAt?: number | null,
): Promise<StoreOutcome> {
  const current = await tx.customer.findUnique({
    where: { programId_customerKey: { programId, customerKey } },
    select: { id: true, archivedAt: true, sourceUpdatedAt: true },
  });
  if (!current) return "unchanged";
  const { outcome, write } = archiveByEvent(current, updatedAt);
  if (write) {
    await tx.customer.update({
      where: { programId_id: { programId, id: current.id } },
      data: write,
    });
  }
  return outcome;
}
