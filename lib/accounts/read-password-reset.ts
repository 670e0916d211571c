import "server-only";
import type { PrismaClient } from "../generated/prisma/client";
import { looksLikeToken, tokenHash } from "./one-time-token";

export type PasswordResetState =
  { ok: true; userId: number; email: string; name: string } | { ok: false; reason: string };

/** Whether a reset link can still be used, and whose it is; else why not, in words. */
export async function readPasswordReset(
  prisma: PrismaClient,
  token: unknown,
  now = new Date(),
): Promise<PasswordResetState> {
  const invalid = {
    ok: false,
    reason: "This password reset link is not valid. Ask for a new one.",
  } as const;
  if (!looksLikeToken(token)) return invalid;
  const reset = await prisma.passwordReset.findUnique({
    where: { tokenHash: tokenHash(token) },
    select: {
      usedAt: true,
      expiresAt: true,
      user: { select: { id: true, email: true, name: true } },
    },
  });
  if (!reset) return invalid;
  if (reset.usedAt) {
    return {
      ok: false,
      reason: "This password reset link has been used already. Ask for a new one.",
    };
  }
  if (reset.expiresAt <= now) {
    return {
      ok: false,
      reason: "This password reset link has expired (links work for one hour). Ask for a new one.",
    };
  }
  return { ok: true, userId: reset.user.id, email: reset.user.email, name: reset.user.name };
}
