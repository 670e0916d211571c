import "server-only";
import type { PrismaClient } from "../generated/prisma/client";
import type { ClaimedDelivery } from "./claim-delivery";

/**
 * While sending: records a recipient just reached and extends the lease, in one statement that
 * only the attempt holding the delivery can make. False means another process has taken it over
 * (this one outlived its lease): stop sending, so nobody gets it twice from here.
 */
export async function holdDelivery(
  prisma: PrismaClient,
  claimed: ClaimedDelivery,
  leaseUntil: Date,
  reached?: string,
): Promise<boolean> {
  const changed = await prisma.$executeRaw`
    UPDATE deliveries SET locked_until = ${leaseUntil},
      recipients = CASE WHEN ${reached ?? null}::text IS NULL THEN recipients
                        ELSE array_append(recipients, ${reached ?? null}::text) END
    WHERE program_id = ${claimed.programId} AND id = ${claimed.id}
      AND status = 'sending' AND attempts = ${claimed.attempts}`;
  return changed > 0;
}
