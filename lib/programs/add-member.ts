import "server-only";
import { recordAudit, type AuditActor } from "../audit/record-audit";
import type { PrismaClient, Role } from "../generated/prisma/client";
import { assignPendingManagers } from "../invitations/assign-pending-managers";
import type { MembershipChange } from "./set-member-role";

/**
 * Adds a user to a program with a role, with its audit entry (partnerships waiting for them as
 * manager get them); a member already is a refusal naming the field (and leaves no entry).
 */
export async function addMember(
  prisma: PrismaClient,
  programId: number,
  userId: number,
  role: Role,
  actor: AuditActor,
): Promise<MembershipChange> {
  try {
    await prisma.$transaction(async (tx) => {
      const member = await tx.membership.create({
        data: { programId, userId, role },
        select: { user: { select: { email: true } } },
      });
      // Partnerships an import named this person as manager of get them now.
      await assignPendingManagers(tx, programId, userId, member.user.email);
      await recordAudit(tx, {
        programId,
        actor,
        kind: "members.added",
        summary: `Added ${member.user.email} as ${role}`,
        details: { userId, email: member.user.email, role },
      });
    });
    return { ok: true };
  } catch (error) {
    if ((error as { code?: string }).code === "P2002") {
      return { ok: false, field: "member", message: "is a member of this program already" };
    }
    throw error;
  }
}
