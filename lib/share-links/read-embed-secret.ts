import "server-only";
import type { PrismaClient } from "../generated/prisma/client";
import { openedEmbedSecret } from "./embed-secret-store";

/**
 * The program's embed secret (owners see it on the Share links page); null: none yet, or sealed
 * under another encryption key (an owner replaces it).
 */
export async function readEmbedSecret(prisma: PrismaClient, programId: number) {
  const program = await prisma.program.findUnique({
    where: { id: programId },
    select: { embedSecret: true },
  });
  return openedEmbedSecret(program?.embedSecret ?? null);
}
