import "server-only";
import { recordAudit, type AuditActor } from "../audit/record-audit";
import type { PrismaClient } from "../generated/prisma/client";
import { scheduleAudit } from "./schedule-audit";

/**
 * Removes a schedule and its log, with its audit entry; false (and no entry) when the program
 * has no such schedule.
 */
export async function deleteSchedule(
  prisma: PrismaClient,
  programId: number,
  id: number,
  actor: AuditActor,
) {
  return prisma.$transaction(async (tx) => {
    const schedule = await tx.deliverySchedule.findUnique({
      where: { programId_id: { programId, id } },
      include: { savedView: { select: { name: true } } },
    });
    const { count } = await tx.deliverySchedule.deleteMany({ where: { programId, id } });
    if (!schedule || count === 0) return false;
    const told = scheduleAudit(schedule, schedule.savedView.name);
    await recordAudit(tx, {
      programId,
      actor,
      kind: "deliveries.schedule_deleted",
      summary: `Deleted the schedule of ${told.sentence}`,
      details: told.details,
    });
    return true;
  });
}
