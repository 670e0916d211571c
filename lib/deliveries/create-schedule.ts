import "server-only";
import type { PrismaClient } from "../generated/prisma/client";
import { nextRunAfter } from "./schedule-time";
import type { ScheduleInput } from "./schedule-input";

import { newSealedWebhookSecret } from "./webhook-secret";

/**
 * Stores a schedule of a saved view; its first run is the next due time after `now`. A webhook's
 * signing secret is sealed: without ACTIONBOARD_ENCRYPTION_KEY this throws MissingEncryptionKeyError.
 */
export async function createSchedule(
  prisma: PrismaClient,
  program: { id: number; timezone: string },
  userId: number,
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
  return prisma.deliverySchedule.create({
    data: {
      programId: program.id,
      savedViewId: input.savedViewId,
      createdBy: userId,
      ...rule,
      file: input.file,
      channel: input.channel,
      recipients: webhook ? [] : input.recipients,
      webhookUrl: webhook ? input.webhookUrl : null,
      webhookSecret: webhook ? newSealedWebhookSecret() : null,
      nextRunAt: new Date(nextRunAfter(rule, now, program.timezone)),
    },
    select: { id: true, nextRunAt: true },
  });
}
