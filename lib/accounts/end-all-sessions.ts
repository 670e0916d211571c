import "server-only";
import type { PrismaClient } from "../generated/prisma/client";

/** "Sign out everywhere": ends every session of the account, this one included. */
export async function endAllSessions(prisma: PrismaClient, userId: number): Promise<number> {
  const { count } = await prisma.userSession.updateMany({
    where: { userId, endedAt: null },
    data: { endedAt: new Date() },
  });
  return count;
}
