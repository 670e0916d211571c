import "server-only";
import { updateKeyedRecord } from "../api/keyed-record";
import type { UpdateCustomerInput } from "../schemas/customers";
import type { Prisma, PrismaClient } from "../generated/prisma/client";
import { findPartnershipId } from "../partnerships/find-partnership-id";
import { customerRecord } from "./customer-record";

/** Changes only the fields sent. A new partner_key re-attributes the customer's future actions. */
export async function updateCustomer(
  prisma: PrismaClient,
  programId: number,
  customerKey: string,
  input: UpdateCustomerInput,
) {
  return updateKeyedRecord(prisma, customerRecord, programId, customerKey, async (tx) => {
    const data: Prisma.CustomerUncheckedUpdateInput = { updatedAt: new Date() };
    if (input.email !== undefined) data.email = input.email;
    if (input.name !== undefined) data.name = input.name;
    if (input.meta !== undefined) data.meta = input.meta as Prisma.InputJsonObject;
    if (input.partner_key !== undefined)
      data.partnershipId = await findPartnershipId(tx, programId, input.partner_key);
    await tx.customer.update({
      where: { programId_customerKey: { programId, customerKey } },
      data,
    });
  });
}
