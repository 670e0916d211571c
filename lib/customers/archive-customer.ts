import "server-only";
import type { PrismaClient } from "../generated/prisma/client";
import { fieldNotFound } from "../api/api-error";
import { getCustomer } from "./get-customer";

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
  if (count === 0) throw fieldNotFound("customer_key", customerKey, "customer");
  return getCustomer(prisma, programId, customerKey);
}
