import "server-only";
import { getPrisma } from "../db/client";

export async function deleteView(programId: number, id: number): Promise<boolean> {
  const prisma = await getPrisma();
  const { count } = await prisma.savedView.deleteMany({ where: { programId, id } });
  return count > 0;
}
