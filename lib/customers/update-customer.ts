import "server-only";
import { fieldNotFound } from "../api/api-error";
import type { UpdateCustomerInput } from "../api/schemas/customers";
import type { Prisma, PrismaClient } from "../generated/prisma/client";
import { findPartnershipId } from "../partnerships/find-partnership-id";
import { getCustomer } from "./get-customer";

/** Changes only the fields sent. A new partner_key re-attributes the customer's future actions. */
export async function updateCustomer(
  prisma: PrismaClient,
  programId: number,
  customerKey: string,
  input: UpdateCustomerInput,
) {
  return prisma.$transaction(async (tx) => {
    const where = { programId_customerKey: { programId, customerKey } };
    if (!(await tx.customer.findUnique({ where, select: { id: true } }))) {
      throw fieldNotFound("customer_key", customerKey, "customer");
    }
    const data: Prisma.CustomerUncheckedUpdateInput = { updatedAt: new Date() };
    if (input.email !== undefined) data.email = input.email;
    if (input.name !== undefined) data.name = input.name;
    if (input.meta !== undefined) data.meta = input.meta as Prisma.InputJsonObject;
    if (input.partner_key !== undefined)
      data.partnershipId = await findPartnershipId(tx, programId, input.partner_key);
    await tx.customer.update({ where, data });
    return getCustomer(tx, programId, customerKey);
  });
}
