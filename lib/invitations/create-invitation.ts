import "server-only";
import type { AuditActor } from "../audit/record-audit";
import { recordAudit } from "../audit/record-audit";
import type { PrismaClient, Role } from "../generated/prisma/client";
import { INVITATION_TTL_MS, invitationToken, newInvitationNonce } from "./invitation-link";

export type InviteResult =
  | { ok: true; invitationId: number; token: string }
  | { ok: false; field: "email"; code: 409; message: string };

/**
 * Invites an address to a program with a role. A member is not invited again, and an address has
 * one open invitation per program (a unique index: two owners inviting at once make one).
 */
export async function createInvitation(
  prisma: PrismaClient,
  invite: { programId: number; email: string; role: Role; actor: AuditActor & { id?: number } },
  now = new Date(),
): Promise<InviteResult> {
  const email = invite.email.trim().toLowerCase();
  const member = await prisma.membership.findFirst({
    where: { programId: invite.programId, user: { email } },
    select: { role: true },
  });
  if (member) {
    return {
      ok: false,
      field: "email",
      code: 409,
      message: `${email} is a member already (${member.role}).`,
    };
  }
  const { nonce, nonceHash } = newInvitationNonce();
  try {
    const invitation = await prisma.$transaction(async (tx) => {
      const made = await tx.invitation.create({
        data: {
          programId: invite.programId,
          email,
          role: invite.role,
          nonceHash,
          invitedByUserId: "id" in invite.actor ? invite.actor.id : null,
          createdAt: now,
          sentAt: now,
          expiresAt: new Date(now.getTime() + INVITATION_TTL_MS),
        },
        select: { id: true },
      });
      await recordAudit(tx, {
        programId: invite.programId,
        actor: invite.actor,
        kind: "invitations.sent",
        summary: `Invited ${email} as ${invite.role}`,
        details: { invitationId: made.id, email, role: invite.role },
      });
      return made;
    });
    return {
      ok: true,
      invitationId: invitation.id,
      token: invitationToken(invite.programId, invitation.id, nonce),
    };
  } catch (error) {
    if ((error as { code?: string }).code === "P2002") {
      return {
        ok: false,
        field: "email",
        code: 409,
        message: `${email} has an open invitation already: resend or revoke it below.`,
      };
    }
    throw error;
  }
}
