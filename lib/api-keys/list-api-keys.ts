import "server-only";
import { getPrisma } from "../db/client";

export async function listApiKeys(programId: number) {
  const prisma = await getPrisma();
  return prisma.apiKey.findMany({
    where: { programId },
    select: {
      id: true,
      label: true,
      mode: true,
      publicKey: true,
      createdAt: true,
      lastUsedAt: true,
      revokedAt: true,
    },
    orderBy: [{ revokedAt: { sort: "desc", nulls: "first" } }, { createdAt: "desc" }],
  });
}
