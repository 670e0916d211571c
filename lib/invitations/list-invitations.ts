import "server-only";
import type { PrismaClient } from "../generated/prisma/client";

/** A program's open invitations (not accepted, not revoked), newest first; expired ones marked. */
export async function listOpenInvitations(
  prisma: PrismaClient,
  programId: number,
  now = new Date(),
) {
  const rows = await prisma.invitation.findMany({
    where: { programId, acceptedAt: null, revokedAt: null },
    orderBy: [{ sentAt: "desc" }, { id: "desc" }],
    select: { id: true, email: true, role: true, sentAt: true, expiresAt: true },
  });
  return rows.map((r) => ({ ...r, expired: r.expiresAt <= now }));
}
