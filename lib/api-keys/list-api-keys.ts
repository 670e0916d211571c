import "server-only";
import type { PrismaClient } from "../generated/prisma/client";

export async function listApiKeys(prisma: PrismaClient, programId: number) {
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
