import "server-only";
import type { PrismaClient } from "../generated/prisma/client";

const DELIVERY_LOG_SIZE = 100;

/** The program's latest deliveries, newest first: the Deliveries page's log. */
export async function listDeliveries(prisma: PrismaClient, programId: number) {
  return prisma.delivery.findMany({
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
      schedule: {
        select: {
          id: true,
          channel: true,
          webhookUrl: true,
          savedView: { select: { name: true } },
        },
      },
    },
  });
}

export type DeliveryRow = Awaited<ReturnType<typeof listDeliveries>>[number];
