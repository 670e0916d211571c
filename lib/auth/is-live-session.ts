import "server-only";
import type { PrismaClient } from "../generated/prisma/client";

/** Whether a session cookie's session is still on: the user's, not ended, not expired. */
export async function isLiveSession(
  prisma: PrismaClient,
  sessionId: string,
  userId: number,
): Promise<boolean> {
  const live = await prisma.userSession.count({
    where: { id: sessionId, userId, endedAt: null, expiresAt: { gt: new Date() } },
  });
  return live > 0;
}
