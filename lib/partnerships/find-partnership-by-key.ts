import "server-only";
import type { Prisma, PrismaClient } from "../generated/prisma/client";

/** A program's partnership by its partner key, named as the tab names partners; null if none. */
export async function findPartnershipByKey(
  db: PrismaClient | Prisma.TransactionClient,
  programId: number,
  partnerKey: string,
): Promise<{ key: string; name: string; email: string } | null> {
  const found = await db.partnership.findUnique({
    where: { programId_partnerKey: { programId, partnerKey } },
    select: { firstName: true, lastName: true, email: true },
  });
  return (
    found && { key: partnerKey, name: `${found.firstName} ${found.lastName}`, email: found.email }
  );
}
