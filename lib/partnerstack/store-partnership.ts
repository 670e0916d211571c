import "server-only";
import type { Prisma } from "../generated/prisma/client";
import type { SourcePartnership } from "./source-records";
import { archiveByEvent, type StoreOutcome } from "./source-time";
import { storePartnerships } from "./store-partnerships";

type Tx = Prisma.TransactionClient;

/**
 * A partnership from the source (a webhook), by partner_key: a page of one, stored as an import
 * stores its pages (storePartnerships).
 */
export async function storePartnership(
  tx: Tx,
  programId: number,
  source: SourcePartnership,
): Promise<StoreOutcome> {
  const [outcome] = await storePartnerships(tx, programId, [source]);
  return outcome;
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
