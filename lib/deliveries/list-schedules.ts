import "server-only";
import type { PrismaClient } from "../generated/prisma/client";

/** The program's schedules with their view's name and latest delivery, soonest first. */
export async function listSchedules(prisma: PrismaClient, programId: number) {
  return prisma.deliverySchedule.findMany({
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
}

export type ScheduleRow = Awaited<ReturnType<typeof listSchedules>>[number];
