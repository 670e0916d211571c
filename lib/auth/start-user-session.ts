import "server-only";
import { randomBytes } from "node:crypto";
import type { PrismaClient } from "../generated/prisma/client";

/** A new signed-in session for a user, valid for `maxAgeSeconds`; returns its id (in the cookie). */
export async function startUserSession(
  prisma: PrismaClient,
  userId: number,
  maxAgeSeconds: number,
): Promise<string> {
  const id = randomBytes(24).toString("base64url");
  await prisma.$transaction([
    // A user's own long-gone sessions go as a new one starts, so the table stays small.
    prisma.userSession.deleteMany({
      where: { userId, OR: [{ expiresAt: { lt: new Date() } }, { endedAt: { not: null } }] },
    }),
    prisma.userSession.create({
      data: { id, userId, expiresAt: new Date(Date.now() + maxAgeSeconds * 1000) },
    }),
  ]);
  return id;
}
