import "server-only";
import { verifyPassword } from "../security/password";
import type { PrismaClient } from "../generated/prisma/client";

export type AccountChange =
  | { ok: true; message: string }
  | { ok: false; field: "name" | "email" | "currentPassword" | "password"; message: string };

export const WRONG_PASSWORD = "That is not your current password.";

/** Whether `password` is the account's current one (an SSO account without one never matches). */
export async function currentPasswordMatches(
  prisma: PrismaClient,
  userId: number,
  password: string,
) {
  const user = await prisma.user.findUnique({
    where: { id: userId },
    select: { passwordHash: true },
  });
  return !!user && password !== "" && (await verifyPassword(password, user.passwordHash));
}
