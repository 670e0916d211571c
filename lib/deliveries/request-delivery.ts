import "server-only";
import { recordAudit, type AuditActor } from "../audit/record-audit";
import type { PrismaClient } from "../generated/prisma/client";

/**
 * "Send now": a delivery of the schedule due at once, outside its rhythm (the schedule's next
 * run stays), with its audit entry. "busy" while an earlier "Send now" of it is still on its way,
 * so repeated clicks send once (and are recorded once); "missing" when the program has no such
 * schedule.
 */
export async function requestDelivery(
  prisma: PrismaClient,
  programId: number,
  scheduleId: number,
  actor: AuditActor,
  now = new Date(),
): Promise<"queued" | "busy" | "missing"> {
  return prisma.$transaction(async (tx) => {
    const schedule = await tx.deliverySchedule.findUnique({
      where: { programId_id: { programId, id: scheduleId } },
      select: { id: true, file: true, channel: true, savedView: { select: { name: true } } },
    });
    if (!schedule) return "missing";
    // Scheduled runs fall on whole minutes: a request never takes a due time's place.
    const at = now.getTime() % 60_000 === 0 ? new Date(now.getTime() + 1) : now;
    const inserted = await tx.$executeRaw`
      INSERT INTO deliveries (program_id, schedule_id, due_at, next_attempt_at, manual)
      SELECT ${programId}, ${scheduleId}, ${at}, ${at}, true
      WHERE NOT EXISTS (
        SELECT 1 FROM deliveries WHERE program_id = ${programId} AND schedule_id = ${scheduleId}
          AND manual AND status IN ('pending', 'sending', 'retrying'))
      ON CONFLICT DO NOTHING`;
    if (inserted === 0) return "busy";
    await recordAudit(tx, {
      programId,
      actor,
      kind: "deliveries.sent_now",
      summary: `Sent “${schedule.savedView.name}” now (${schedule.file} by ${schedule.channel})`,
      details: {
        scheduleId,
        savedView: schedule.savedView.name,
        file: schedule.file,
        channel: schedule.channel,
      },
    });
    return "queued";
  });
}
