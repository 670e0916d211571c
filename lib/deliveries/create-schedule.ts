import "server-only";
import { randomBytes } from "node:crypto";
import type { PrismaClient } from "../generated/prisma/client";
import { nextRunAfter } from "./schedule-time";
import type { ScheduleInput } from "./schedule-input";

/** A Standard Webhooks signing secret: `whsec_` and 32 random bytes, base64. */
const webhookSecret = () => `whsec_${randomBytes(32).toString("base64")}`;

/** Stores a schedule of a saved view; its first run is the next due time after `now`. */
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
      webhookSecret: webhook ? webhookSecret() : null,
      nextRunAt: new Date(nextRunAfter(rule, now, program.timezone)),
    },
    select: { id: true, nextRunAt: true },
  });
}
