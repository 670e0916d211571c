import "server-only";
import { getPrisma } from "../db/client";

/** Saves the program's view under a name; saving an existing name replaces its filters. */
export async function saveView(programId: number, userId: number, name: string, query: string) {
  const prisma = await getPrisma();
  return prisma.savedView.upsert({
    where: { programId_name: { programId, name } },
    create: { programId, userId, name, query },
    update: { query, userId },
    select: { id: true },
  });
}
