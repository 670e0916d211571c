import "server-only";
import type { PrismaClient } from "../generated/prisma/client";
import { canDeliverOutside } from "../programs/roles";

/** A webhook takes the program's data outside: only while its creator may still do that. */
export async function creatorMaySendOutside(
  prisma: PrismaClient,
  programId: number,
  userId: number,
): Promise<boolean> {
  const creator = await prisma.membership.findUnique({
    where: { programId_userId: { programId, userId } },
    select: { role: true },
  });
  return !!creator && canDeliverOutside(creator.role);
}

export const CREATOR_CANNOT_SEND_OUTSIDE =
  "The webhook's creator is no longer an owner or manager of the program: an owner or manager must set it up again.";
