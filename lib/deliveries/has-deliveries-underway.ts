import "server-only";
import type { PrismaClient } from "../generated/prisma/client";

/**
 * Whether a delivery of the program is on its way (queued, sending, or retrying within five
 * minutes): the Deliveries page then follows it without a reload.
 */
export async function hasDeliveriesUnderway(prisma: PrismaClient, programId: number) {
  const soon = new Date(Date.now() + 5 * 60_000);
  const found = await prisma.delivery.findFirst({
    where: {
      programId,
      OR: [
        { status: { in: ["pending", "sending"] } },
        { status: "retrying", nextAttemptAt: { lte: soon } },
      ],
    },
    select: { id: true },
  });
  return found !== null;
}
