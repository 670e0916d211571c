import "server-only";
import type { PrismaClient } from "../generated/prisma/client";

/**
 * The account behind a session cookie, as it is now (a renamed account or a changed email shows at
 * once), if its session is still on: the user's, not ended, not expired. Else null.
 */
export async function liveSessionUser(
  prisma: PrismaClient,
  sessionId: string,
  userId: number,
): Promise<{ id: number; email: string; name: string } | null> {
  const live = await prisma.userSession.findFirst({
    where: { id: sessionId, userId, endedAt: null, expiresAt: { gt: new Date() } },
    select: { user: { select: { id: true, email: true, name: true } } },
  });
  return live?.user ?? null;
}
