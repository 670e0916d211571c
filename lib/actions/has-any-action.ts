import "server-only";
import type { PrismaClient } from "../generated/prisma/client";

/** Whether the program has recorded any action at all (archived ones too): the empty tab's cue. */
export async function hasAnyAction(prisma: PrismaClient, programId: number): Promise<boolean> {
  return (await prisma.action.findFirst({ where: { programId }, select: { id: true } })) !== null;
}
