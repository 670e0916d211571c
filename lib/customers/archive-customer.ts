import "server-only";
import type { PrismaClient } from "../generated/prisma/client";
import { getKeyedRecord, keyedRecordNotFound } from "../api/keyed-record";
import { customerRecord } from "./customer-record";

/** DELETE keeps the row (its actions still point at it) but hides it and refuses new actions. */
export async function archiveCustomer(
  prisma: PrismaClient,
  programId: number,
  customerKey: string,
) {
  const now = new Date();
  const { count } = await prisma.customer.updateMany({
    where: { programId, customerKey },
    data: { archivedAt: now, updatedAt: now },
  });
  if (count === 0) throw keyedRecordNotFound(customerRecord, customerKey);
  return getKeyedRecord(prisma, customerRecord, programId, customerKey);
}
