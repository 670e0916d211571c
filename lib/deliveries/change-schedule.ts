import "server-only";
import type { PrismaClient } from "../generated/prisma/client";
import { canManageSavedViews, type Role } from "../programs/roles";
import { deleteSchedule } from "./delete-schedule";
import { requestDelivery } from "./request-delivery";
import { NO_SCHEDULE, scheduleRefusal, type ScheduleRefusal } from "./schedule-refusal";

/**
 * "Send now" or delete one of the program's schedules. Its creator, owners and managers may; a
 * "Send now" is refused while the schedule's last one is still on its way (one delivery, however
 * often it is clicked).
 */
export async function changeSchedule(
  prisma: PrismaClient,
  programId: number,
  actor: { role: Role; user: { id: number; name: string; email: string } },
  id: number,
  change: "send" | "delete",
): Promise<{ ok: true } | ScheduleRefusal> {
  const schedule = await prisma.deliverySchedule.findUnique({
    where: { programId_id: { programId, id } },
    select: { createdBy: true },
  });
  if (!schedule) return NO_SCHEDULE;
  if (!canManageSavedViews(actor.role) && actor.user.id !== schedule.createdBy) {
    return scheduleRefusal(
      403,
      "id",
      "Only its creator, owners and managers can change this schedule.",
    );
  }
  if (change === "delete") {
    await deleteSchedule(prisma, programId, id, actor.user);
    return { ok: true };
  }
  const asked = await requestDelivery(prisma, programId, id, actor.user);
  if (asked === "missing") return NO_SCHEDULE;
  if (asked === "busy") {
    return scheduleRefusal(
      409,
      "id",
      "This schedule's last “Send now” is still on its way: see the log.",
    );
  }
  return { ok: true };
}
