import "server-only";
import { recordAudit, type AuditActor } from "../audit/record-audit";
import type { PrismaClient } from "../generated/prisma/client";
import { INVITATION_TTL_MS, invitationToken, newInvitationNonce } from "./invitation-link";

/**
 * A new link for an open invitation, valid seven days from now; the previous link stops working
 * (its nonce is replaced). Null when the invitation is not open in this program.
 */
export async function resendInvitation(
  prisma: PrismaClient,
  programId: number,
  invitationId: number,
  actor: AuditActor,
  now = new Date(),
): Promise<{ token: string; email: string; role: string } | null> {
  const { nonce, nonceHash } = newInvitationNonce();
  return prisma.$transaction(async (tx) => {
    const updated = await tx.invitation.updateManyAndReturn({
      where: { programId, id: invitationId, acceptedAt: null, revokedAt: null },
      data: { nonceHash, sentAt: now, expiresAt: new Date(now.getTime() + INVITATION_TTL_MS) },
      select: { email: true, role: true },
    });
    if (updated.length === 0) return null;
    const { email, role } = updated[0];
    await recordAudit(tx, {
      programId,
      actor,
      kind: "invitations.resent",
      summary: `Sent a new invitation link to ${email}`,
      details: { invitationId, email, role },
    });
    return { token: invitationToken(programId, invitationId, nonce), email, role };
  });
}
