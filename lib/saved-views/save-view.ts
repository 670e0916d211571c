import "server-only";
import type { PrismaClient } from "../generated/prisma/client";

/** Saves the program's view under a name; saving an existing name replaces its filters. */
export async function saveView(
  prisma: PrismaClient,
  programId: number,
  userId: number,
  name: string,
  query: string,
) {
  return prisma.savedView.upsert({
    where: { programId_name: { programId, name } },
    create: { programId, userId, name, query },
    update: { query, userId },
    select: { id: true },
  });
}
