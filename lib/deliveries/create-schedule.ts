import "server-only";
import { recordAudit } from "../audit/record-audit";
import type { PrismaClient } from "../generated/prisma/client";
import { scheduleAudit } from "./schedule-audit";
import { nextRunAfter } from "../time/schedule-time";
import type { ScheduleInput } from "./schedule-input";

import { newSealedWebhookSecret } from "./webhook-secret";

/**
 * Stores a schedule of a saved view, made by `user`, with its audit entry; its first run is the
 * next due time after `now`. A webhook's signing secret is sealed: without
 * ACTIONBOARD_ENCRYPTION_KEY this throws MissingEncryptionKeyError.
 */
export async function createSchedule(
  prisma: PrismaClient,
  program: { id: number; timezone: string },
  user: { id: number; name: string; email: string },
  input: ScheduleInput,
  now = Date.now(),
) {
  const rule = {
    frequency: input.frequency,
    weekday: input.frequency === "weekly" ? (input.weekday ?? null) : null,
    monthDay: input.frequency === "monthly" ? (input.monthDay ?? null) : null,
    timeOfDay: input.time,
  };
  const webhook = input.channel === "webhook";
  return prisma.$transaction(async (tx) => {
    const schedule = await tx.deliverySchedule.create({
      data: {
        programId: program.id,
        savedViewId: input.savedViewId,
        createdBy: user.id,
        ...rule,
        file: input.file,
        channel: input.channel,
        recipients: webhook ? [] : input.recipients,
        webhookUrl: webhook ? input.webhookUrl : null,
        webhookSecret: webhook ? newSealedWebhookSecret() : null,
        nextRunAt: new Date(nextRunAfter(rule, now, program.timezone)),
      },
      include: { savedView: { select: { name: true } } },
    });
    const told = scheduleAudit(schedule, schedule.savedView.name);
    await recordAudit(tx, {
      programId: program.id,
      actor: user,
      kind: "deliveries.schedule_created",
      summary: `Scheduled ${told.sentence}`,
      details: told.details,
    });
    return { id: schedule.id, nextRunAt: schedule.nextRunAt };
  });
}
