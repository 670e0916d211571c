import "server-only";
import type { PrismaClient } from "../generated/prisma/client";

/**
 * Deliveries whose sending process died on every attempt (the lease ran out `maxAttempts` times,
 * e.g. building the file killed the process) are marked failed instead of being taken over
 * again forever, so the owner sees them.
 */
export async function failAbandonedDeliveries(
  prisma: PrismaClient,
  now: Date,
  maxAttempts: number,
): Promise<number> {
  return prisma.$executeRaw`
    UPDATE deliveries SET status = 'failed', locked_until = NULL,
      error = 'The app stopped while sending this delivery, ' || attempts || ' times: not tried again.'
    WHERE program_id IN (SELECT id FROM programs)
      AND status = 'sending' AND locked_until <= ${now} AND attempts >= ${maxAttempts}`;
}
