import "server-only";
import type { PrismaClient } from "../generated/prisma/client";
import { newOneTimeToken, tokenHash } from "./one-time-token";

/** A reset link works for one hour, once. */
export const PASSWORD_RESET_TTL_MS = 3_600_000;

/** Where a reset token is redeemed. */
export const passwordResetUrl = (baseUrl: string, token: string) =>
  `${baseUrl.replace(/\/+$/, "")}/reset-password/${token}`;

/** Stores a reset for the user and returns its token (the link's secret, never stored itself). */
export async function createPasswordReset(
  prisma: Pick<PrismaClient, "passwordReset">,
  userId: number,
  now = new Date(),
): Promise<string> {
  const token = newOneTimeToken();
  await prisma.passwordReset.create({
    data: {
      tokenHash: tokenHash(token),
      userId,
      createdAt: now,
      expiresAt: new Date(now.getTime() + PASSWORD_RESET_TTL_MS),
    },
  });
  return token;
}
