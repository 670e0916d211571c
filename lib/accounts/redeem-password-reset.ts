import "server-only";
import { hashPassword } from "../security/password";
import { passwordProblem } from "./password-policy";
import type { PrismaClient } from "../generated/prisma/client";
import { tokenHash } from "./one-time-token";
import { readPasswordReset } from "./read-password-reset";

export type RedeemResult =
  { ok: true; email: string } | { ok: false; field: "token" | "password"; message: string };

/**
 * Sets a new password with a reset token. The token is taken by one conditional UPDATE (unused,
 * unexpired), so two tabs redeeming it at once change the password once; the user's other open
 * resets are spent with it, and the password change ends every session of theirs (trigger).
 * A weak password is refused before the token is spent.
 */
export async function redeemPasswordReset(
  prisma: PrismaClient,
  token: unknown,
  password: string,
  now = new Date(),
): Promise<RedeemResult> {
  const state = await readPasswordReset(prisma, token, now);
  if (!state.ok) return { ok: false, field: "token", message: state.reason };
  const problem = passwordProblem(password, [state.email, state.name]);
  if (problem) return { ok: false, field: "password", message: problem };
  const passwordHash = await hashPassword(password);
  return prisma.$transaction(async (tx) => {
    const taken = await tx.$queryRaw<{ user_id: number }[]>`
      UPDATE password_resets SET used_at = ${now}
      WHERE token_hash = ${tokenHash(token as string)} AND used_at IS NULL AND expires_at > ${now}
      RETURNING user_id`;
    if (taken.length === 0) {
      return {
        ok: false as const,
        field: "token" as const,
        message: "This password reset link has been used already. Ask for a new one.",
      };
    }
    const userId = taken[0].user_id;
    await tx.user.update({ where: { id: userId }, data: { passwordHash } });
    await tx.passwordReset.updateMany({
      where: { userId, usedAt: null },
      data: { usedAt: now },
    });
    return { ok: true as const, email: state.email };
  });
}
