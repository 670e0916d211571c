import "server-only";
import { fieldNotFound } from "../api/api-error";
import type { Prisma, PrismaClient } from "../generated/prisma/client";
import { CUSTOMER_SELECT, toCustomerOutput, type CustomerRow } from "./customer-record";

export async function getCustomer(
  db: PrismaClient | Prisma.TransactionClient,
  programId: number,
  customerKey: string,
) {
  const [row] = await db.$queryRaw<CustomerRow[]>`${CUSTOMER_SELECT}
    WHERE c.program_id = ${programId} AND c.customer_key = ${customerKey}`;
  if (!row) throw fieldNotFound("customer_key", customerKey, "customer");
  return toCustomerOutput(row);
}
