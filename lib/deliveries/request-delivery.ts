import "server-only";
import type { PrismaClient } from "../generated/prisma/client";

/**
 * "Send now": a delivery of the schedule due at once, outside its rhythm (the schedule's next
 * run stays). False when the program has no such schedule.
 */
export async function requestDelivery(
  prisma: PrismaClient,
  programId: number,
  scheduleId: number,
  now = new Date(),
) {
  const schedule = await prisma.deliverySchedule.findUnique({
    where: { programId_id: { programId, id: scheduleId } },
    select: { id: true },
  });
  if (!schedule) return false;
  await prisma.delivery.create({
    data: { programId, scheduleId, dueAt: now, nextAttemptAt: now, manual: true },
  });
  return true;
}
