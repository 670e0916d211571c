import type { PrismaClient } from "../generated/prisma/client";

/** A program's audit entries, oldest first, as tests compare them. */
export async function auditEntries(prisma: PrismaClient, programId: number) {
  return prisma.auditEvent.findMany({
    where: { programId },
    orderBy: { id: "asc" },
    select: { kind: true, actorUserId: true, actorLabel: true, summary: true, details: true },
  });
}
