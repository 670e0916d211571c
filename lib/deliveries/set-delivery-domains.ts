import "server-only";
import type { PrismaClient } from "../generated/prisma/client";

/** The outside domains whose addresses may receive the program's deliveries. */
export async function setDeliveryDomains(
  prisma: PrismaClient,
  programId: number,
  domains: string[],
) {
  await prisma.program.update({ where: { id: programId }, data: { deliveryDomains: domains } });
}
