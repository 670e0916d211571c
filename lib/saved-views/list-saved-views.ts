import "server-only";
import type { PrismaClient } from "../generated/prisma/client";

export async function listSavedViews(prisma: PrismaClient, programId: number) {
  return prisma.savedView.findMany({
    where: { programId },
    select: { id: true, name: true, query: true, userId: true },
    orderBy: { name: "asc" },
  });
}
