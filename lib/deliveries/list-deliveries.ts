import "server-only";
import type { PrismaClient } from "../generated/prisma/client";
import { alertMessage, messageSummary } from "../alerts/alert-message";

const DELIVERY_LOG_SIZE = 100;

const sender = {
  select: {
    id: true,
    channel: true,
    webhookUrl: true,
    savedView: { select: { name: true } },
  },
} as const;

/**
 * The program's latest deliveries, newest first: the Deliveries page's log. Each names what sent
 * it (`via`: a schedule, or an alert with what it said in one line).
 */
export async function listDeliveries(prisma: PrismaClient, programId: number) {
  const rows = await prisma.delivery.findMany({
    where: { programId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: DELIVERY_LOG_SIZE,
    select: {
      id: true,
      dueAt: true,
      manual: true,
      status: true,
      attempts: true,
      nextAttemptAt: true,
      recipients: true,
      fileName: true,
      fileBytes: true,
      error: true,
      sentAt: true,
      createdAt: true,
      message: true,
      schedule: sender,
      alert: sender,
    },
  });
  return rows.map(({ schedule, alert, message, ...row }) => {
    const via = (schedule ?? alert)!;
    const told = alert && alertMessage.safeParse(message);
    return {
      ...row,
      via: {
        viewName: via.savedView.name,
        channel: via.channel,
        webhookUrl: via.webhookUrl,
        alert: told ? (told.success ? messageSummary(told.data) : "Alert") : null,
      },
    };
  });
}

export type DeliveryRow = Awaited<ReturnType<typeof listDeliveries>>[number];
