import "server-only";
import { ApiError } from "../api/api-error";
import type { CreateCustomerInput } from "../api/schemas/customers";
import { isUniqueViolation } from "../api/unique-violation";
import type { Prisma, PrismaClient } from "../generated/prisma/client";
import { findPartnershipId } from "../partnerships/find-partnership-id";
import { getCustomer } from "./get-customer";

function duplicate(key: string) {
  return new ApiError(409, `A customer with customer_key "${key}" already exists.`, [
    { field: "customer_key", message: `"${key}" is already used` },
  ]);
}

export async function createCustomer(
  prisma: PrismaClient,
  programId: number,
  input: CreateCustomerInput,
) {
  try {
    return await prisma.$transaction(async (tx) => {
      const exists = await tx.customer.findUnique({
        where: { programId_customerKey: { programId, customerKey: input.customer_key } },
        select: { id: true },
      });
      if (exists) throw duplicate(input.customer_key);
      const partnershipId = await findPartnershipId(tx, programId, input.partner_key);
      await tx.customer.create({
        data: {
          programId,
          customerKey: input.customer_key,
          email: input.email ?? null,
          name: input.name ?? null,
          partnershipId,
          meta: (input.meta ?? {}) as Prisma.InputJsonObject,
        },
      });
      return getCustomer(tx, programId, input.customer_key);
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw duplicate(input.customer_key);
    throw error;
  }
}
