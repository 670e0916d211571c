import "server-only";
import type { PrismaClient } from "../generated/prisma/client";

/** Removes a schedule and its log; false when the program has no such schedule. */
export async function deleteSchedule(prisma: PrismaClient, programId: number, id: number) {
  const { count } = await prisma.deliverySchedule.deleteMany({ where: { programId, id } });
  return count > 0;
}
