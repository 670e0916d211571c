import "server-only";
import type { PrismaClient } from "../generated/prisma/client";

/**
 * Unsubscribes one address from one schedule (the email's link): the schedule keeps its other
 * recipients. True when the address was on it.
 */
export async function removeRecipient(
  prisma: PrismaClient,
  programId: number,
  scheduleId: number,
  recipient: string,
): Promise<boolean> {
  const removed = await prisma.$executeRaw`
    UPDATE delivery_schedules SET recipients = array_remove(recipients, ${recipient})
    WHERE program_id = ${programId} AND id = ${scheduleId} AND ${recipient} = ANY(recipients)`;
  return removed > 0;
}
