import "server-only";
import { recordAudit } from "../audit/record-audit";
import type { PrismaClient } from "../generated/prisma/client";
import { canManageSavedViews, type Role } from "../programs/roles";
import { scheduleRefusal, type ScheduleRefusal } from "../deliveries/schedule-refusal";

export const NO_ALERT = scheduleRefusal(404, "id", "No such alert in this program.");

/** How long a snooze lasts, by the form's choice. */
export const SNOOZES = {
  "1h": { label: "1 hour", ms: 3_600_000 },
  "1d": { label: "1 day", ms: 86_400_000 },
  "1w": { label: "1 week", ms: 7 * 86_400_000 },
  off: { label: "Not snoozed", ms: 0 },
} as const;
export type Snooze = keyof typeof SNOOZES;

type Change = { kind: "snooze"; snooze: Snooze } | { kind: "delete" };

/**
 * Snoozes (or wakes) or deletes one of the program's alerts. Its creator, owners and managers
 * may. A snoozed alert is still checked — its episodes are followed — but tells nothing until the
 * snooze ends; one still out of range then is told.
 */
export async function changeAlert(
  prisma: PrismaClient,
  programId: number,
  actor: { role: Role; user: { id: number; name: string; email: string } },
  id: number,
  change: Change,
  now = Date.now(),
): Promise<{ ok: true; snoozedUntil: Date | null } | ScheduleRefusal> {
  const alert = await prisma.alert.findUnique({
    where: { programId_id: { programId, id } },
    select: { createdBy: true, savedView: { select: { name: true } } },
  });
  if (!alert) return NO_ALERT;
  if (!canManageSavedViews(actor.role) && actor.user.id !== alert.createdBy) {
    return scheduleRefusal(
      403,
      "id",
      "Only its creator, owners and managers can change this alert.",
    );
  }
  return prisma.$transaction(async (tx) => {
    if (change.kind === "delete") {
      const gone = await tx.alert.deleteMany({ where: { programId, id } });
      if (gone.count === 0) return NO_ALERT;
      await recordAudit(tx, {
        programId,
        actor: actor.user,
        kind: "alerts.deleted",
        summary: `Deleted the alert on “${alert.savedView.name}”`,
        details: { alertId: id },
      });
      return { ok: true as const, snoozedUntil: null };
    }
    const { label, ms } = SNOOZES[change.snooze];
    const snoozedUntil = ms ? new Date(now + ms) : null;
    const changed = await tx.alert.updateMany({ where: { programId, id }, data: { snoozedUntil } });
    if (changed.count === 0) return NO_ALERT;
    await recordAudit(tx, {
      programId,
      actor: actor.user,
      kind: "alerts.snoozed",
      summary: snoozedUntil
        ? `Snoozed the alert on “${alert.savedView.name}” for ${label}`
        : `Woke the alert on “${alert.savedView.name}”`,
      details: { alertId: id, snoozedUntil: snoozedUntil?.toISOString() ?? null },
    });
    return { ok: true as const, snoozedUntil };
  });
}
