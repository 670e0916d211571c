import "server-only";
import type { Prisma } from "../generated/prisma/client";

/**
 * Partnerships whose source (a PartnerStack import) named this person as manager before they were
 * a member get them as manager now. Returns how many.
 */
export async function assignPendingManagers(
  tx: Prisma.TransactionClient,
  programId: number,
  userId: number,
  email: string,
): Promise<number> {
  const { count } = await tx.partnership.updateMany({
    where: { programId, pendingManagerEmail: email.toLowerCase() },
    data: { managerUserId: userId, pendingManagerEmail: null },
  });
  return count;
}
