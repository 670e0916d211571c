import { randomBytes } from "node:crypto";
import type { PrismaClient } from "../generated/prisma/client";

const DAY_MS = 86_400_000;

/** An invitation row as the Members page would leave it: open for 7 days unless told otherwise. */
export async function createInvitation(
  prisma: PrismaClient,
  programId: number,
  email: string,
  overrides: {
    role?: "owner" | "manager" | "viewer";
    expiresAt?: Date;
    acceptedAt?: Date;
    revokedAt?: Date;
  } = {},
) {
  return prisma.invitation.create({
    data: {
      programId,
      email,
      role: overrides.role ?? "viewer",
      nonceHash: randomBytes(32).toString("hex"),
      expiresAt: overrides.expiresAt ?? new Date(Date.now() + 7 * DAY_MS),
      acceptedAt: overrides.acceptedAt,
      revokedAt: overrides.revokedAt,
    },
  });
}
