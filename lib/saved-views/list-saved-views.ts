import "server-only";
import { getPrisma } from "../db/client";

export async function listSavedViews(programId: number) {
  const prisma = await getPrisma();
  return prisma.savedView.findMany({
    where: { programId },
    select: { id: true, name: true, query: true, userId: true },
    orderBy: { name: "asc" },
  });
}
