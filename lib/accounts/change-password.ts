import "server-only";
import { hashPassword } from "../security/password";
import { passwordProblem } from "./password-policy";
import type { PrismaClient } from "../generated/prisma/client";
import { currentPasswordMatches, WRONG_PASSWORD, type AccountChange } from "./account-change";

/**
 * A new password, given the current one. Changing it ends every session of the account (a trigger
 * on users.password_hash), this one included: the page signs in again with the new password.
 */
export async function changePassword(
  prisma: PrismaClient,
  userId: number,
  input: { currentPassword: string; password: string },
): Promise<AccountChange> {
  if (!(await currentPasswordMatches(prisma, userId, input.currentPassword))) {
    return { ok: false, field: "currentPassword", message: WRONG_PASSWORD };
  }
  const user = await prisma.user.findUniqueOrThrow({
    where: { id: userId },
    select: { email: true, name: true },
  });
  const problem = passwordProblem(input.password, [user.email, user.name]);
  if (problem) return { ok: false, field: "password", message: problem };
  if (input.password === input.currentPassword) {
    return {
      ok: false,
      field: "password",
      message: "Choose a password different from the current one.",
    };
  }
  await prisma.user.update({
    where: { id: userId },
    data: { passwordHash: await hashPassword(input.password) },
  });
  return { ok: true, message: "Password changed. Every other session of yours was signed out." };
}
