import "server-only";
import type { PrismaClient } from "../generated/prisma/client";
import { canManageSavedViews, type Role } from "../programs/roles";
import { NO_SCHEDULE, scheduleRefusal, type ScheduleRefusal } from "./schedule-refusal";

/**
 * Whether a member may send now or delete one of the program's schedules: its creator, owners and
 * managers may; null when allowed, else the refusal.
 */
export async function checkScheduleChange(
  prisma: PrismaClient,
  programId: number,
  actor: { role: Role; userId: number },
  id: number,
): Promise<ScheduleRefusal | null> {
  const schedule = await prisma.deliverySchedule.findUnique({
    where: { programId_id: { programId, id } },
    select: { createdBy: true },
  });
  if (!schedule) return NO_SCHEDULE;
  if (!canManageSavedViews(actor.role) && actor.userId !== schedule.createdBy) {
    return scheduleRefusal(
      403,
      "id",
      "Only its creator, owners and managers can change this schedule.",
    );
  }
  return null;
}
