import "server-only";
import type { PrismaClient } from "../generated/prisma/client";

/** Ends one session (sign-out): its cookie, copied or not, no longer signs anyone in. */
export async function endUserSession(prisma: PrismaClient, sessionId: string): Promise<void> {
  await prisma.userSession.updateMany({
    where: { id: sessionId, endedAt: null },
    data: { endedAt: new Date() },
  });
}
