import "server-only";
import type { PrismaClient } from "../generated/prisma/client";

export async function deleteView(
  prisma: PrismaClient,
  programId: number,
  id: number,
): Promise<boolean> {
  const { count } = await prisma.savedView.deleteMany({ where: { programId, id } });
  return count > 0;
}
