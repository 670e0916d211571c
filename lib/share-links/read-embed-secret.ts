import "server-only";
import type { PrismaClient } from "../generated/prisma/client";

/** The program's embed secret (owners see it on the Share links page); null: none yet. */
export async function readEmbedSecret(prisma: PrismaClient, programId: number) {
  const program = await prisma.program.findUnique({
    where: { id: programId },
    select: { embedSecret: true },
  });
  return program?.embedSecret ?? null;
}
