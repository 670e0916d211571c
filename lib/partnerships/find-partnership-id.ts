import "server-only";
import { invalidFields } from "../errors/domain-error";
import type { Prisma, PrismaClient } from "../generated/prisma/client";

/** A partnership referenced from a request body: unknown → invalid, naming the field. */
export async function findPartnershipId(
  db: PrismaClient | Prisma.TransactionClient,
  programId: number,
  partnerKey: string,
  field = "partner_key",
): Promise<number> {
  const found = await db.partnership.findUnique({
    where: { programId_partnerKey: { programId, partnerKey } },
    select: { id: true },
  });
  if (!found) throw invalidFields([{ field, message: `unknown partnership "${partnerKey}"` }]);
  return found.id;
}
