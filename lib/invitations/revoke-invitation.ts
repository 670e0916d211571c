import "server-only";
import { recordAudit, type AuditActor } from "../audit/record-audit";
import type { PrismaClient } from "../generated/prisma/client";

/** Revokes an open invitation (its link then says so); false when none is open by that id. */
export async function revokeInvitation(
  prisma: PrismaClient,
  programId: number,
  invitationId: number,
  actor: AuditActor,
  now = new Date(),
): Promise<boolean> {
  return prisma.$transaction(async (tx) => {
    const revoked = await tx.invitation.updateManyAndReturn({
      where: { programId, id: invitationId, acceptedAt: null, revokedAt: null },
      data: { revokedAt: now },
      select: { email: true, role: true },
    });
    if (revoked.length === 0) return false;
    await recordAudit(tx, {
      programId,
      actor,
      kind: "invitations.revoked",
      summary: `Revoked the invitation of ${revoked[0].email}`,
      details: { invitationId, email: revoked[0].email, role: revoked[0].role },
    });
    return true;
  });
}
