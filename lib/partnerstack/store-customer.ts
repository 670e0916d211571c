import "server-only";
import type { Prisma } from "../generated/prisma/client";
import type { SourceCustomer } from "./source-records";
import { archiveByEvent, type StoreOutcome } from "./source-time";
import { storeCustomers } from "./store-customers";

type Tx = Prisma.TransactionClient;

/**
 * A customer from the source (a webhook), by customer_key: a page of one, stored as an import
 * stores its pages (storeCustomers); "skipped" when its partnership is not here.
 */
export async function storeCustomer(
  tx: Tx,
  programId: number,
  source: SourceCustomer,
): Promise<StoreOutcome | "skipped"> {
  const [outcome] = await storeCustomers(tx, programId, [source]);
  return outcome;
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
