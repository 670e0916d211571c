import "server-only";
import { getPrisma } from "../db/client";

/** Revokes a key of this program; revoking twice keeps the first revocation time. */
export async function revokeApiKey(programId: number, id: number): Promise<boolean> {
  const prisma = await getPrisma();
  const { count } = await prisma.apiKey.updateMany({
    where: { programId, id, revokedAt: null },
    data: { revokedAt: new Date() },
  });
  return count > 0;
}
