import "server-only";
import type { PrismaClient } from "../generated/prisma/client";

/** Revokes a key of this program; revoking twice keeps the first revocation time. */
export async function revokeApiKey(
  prisma: PrismaClient,
  programId: number,
  id: number,
): Promise<boolean> {
  const { count } = await prisma.apiKey.updateMany({
    where: { programId, id, revokedAt: null },
    data: { revokedAt: new Date() },
  });
  return count > 0;
}
