import "server-only";
import type { PrismaClient } from "../generated/prisma/client";
import { openWebhookSecret } from "./webhook-secret";

/**
 * The program's schedules with their view's name and latest delivery, soonest first; a webhook's
 * signing secret opened for its row (null when the server's key cannot open it).
 */
export async function listSchedules(prisma: PrismaClient, programId: number) {
  const rows = await prisma.deliverySchedule.findMany({
    where: { programId },
    orderBy: [{ nextRunAt: "asc" }, { id: "asc" }],
    select: {
      id: true,
      frequency: true,
      weekday: true,
      monthDay: true,
      timeOfDay: true,
      file: true,
      channel: true,
      recipients: true,
      webhookUrl: true,
      webhookSecret: true,
      nextRunAt: true,
      createdBy: true,
      savedView: { select: { id: true, name: true, query: true } },
      deliveries: {
        orderBy: { id: "desc" },
        take: 1,
        select: { status: true, error: true, sentAt: true, nextAttemptAt: true },
      },
    },
  });
  return rows.map((row) => ({ ...row, webhookSecret: opened(row.webhookSecret) }));
}

/** A sealed signing secret opened (null when the server's key cannot open it). */
export function opened(stored: string | null): string | null {
  if (stored === null) return null;
  try {
    return openWebhookSecret(stored);
  } catch {
    return null;
  }
}

export type ScheduleRow = Awaited<ReturnType<typeof listSchedules>>[number];
