import "server-only";
import type { AuditActor } from "../audit/record-audit";
import type { PrismaClient } from "../generated/prisma/client";
import { assignPendingManagers } from "../invitations/assign-pending-managers";
import { createInvitation } from "../invitations/create-invitation";
import { listWaitingManagers } from "./list-waiting-managers";

export interface InvitedManager {
  email: string;
  token: string;
}

/**
 * "Invite them as managers": one invitation (role manager) per waiting manager not invited yet;
 * one who became a member meanwhile is assigned their partnerships at once. Returns the new
 * invitations (to be mailed), how many were invited already and how many partnerships were
 * assigned.
 */
export async function inviteWaitingManagers(
  prisma: PrismaClient,
  programId: number,
  actor: AuditActor,
): Promise<{ invited: InvitedManager[]; alreadyInvited: number; assigned: number }> {
  const waiting = await listWaitingManagers(prisma, programId);
  const invited: InvitedManager[] = [];
  let alreadyInvited = 0;
  let assigned = 0;
  for (const manager of waiting) {
    const member = await prisma.membership.findFirst({
      where: { programId, user: { email: manager.email } },
      select: { userId: true },
    });
    if (member) {
      assigned += await prisma.$transaction((tx) =>
        assignPendingManagers(tx, programId, member.userId, manager.email),
      );
      continue;
    }
    if (manager.invited) {
      alreadyInvited++;
      continue;
    }
    const made = await createInvitation(prisma, {
      programId,
      email: manager.email,
      role: "manager",
      actor,
    });
    if (made.ok) invited.push({ email: manager.email, token: made.token });
    else alreadyInvited++;
  }
  return { invited, alreadyInvited, assigned };
}
