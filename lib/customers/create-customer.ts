import "server-only";
import { createKeyedRecord } from "../api/keyed-record";
import type { CreateCustomerInput } from "../schemas/customers";
import type { Prisma, PrismaClient } from "../generated/prisma/client";
import { findPartnershipId } from "../partnerships/find-partnership-id";
import { customerRecord } from "./customer-record";

export async function createCustomer(
  prisma: PrismaClient,
  programId: number,
  input: CreateCustomerInput,
) {
  return createKeyedRecord(prisma, customerRecord, programId, input.customer_key, async (tx) => {
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
  });
}
