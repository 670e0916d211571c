import "server-only";
import type { PrismaClient } from "../generated/prisma/client";
import { liveSessionUser } from "./live-session-user";

/** Whether a session cookie's session is still on: the user's, not ended, not expired. */
export async function isLiveSession(
  prisma: PrismaClient,
  sessionId: string,
  userId: number,
): Promise<boolean> {
  return (await liveSessionUser(prisma, sessionId, userId)) !== null;
}
