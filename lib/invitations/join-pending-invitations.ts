import "server-only";
import { assignPendingManagers } from "./assign-pending-managers";
import { recordAudit } from "../audit/record-audit";
import type { Prisma, PrismaClient, Role } from "../generated/prisma/client";

export interface JoinedProgram {
  programId: number;
  invitationId: number;
  role: Role;
}

/**
 * A person whose email is proven (a verified single sign-on) joins every program with an open
 * invitation to that address — not accepted, not revoked, not expired; the address compared
 * case-insensitively — with the invited role, and each invitation is marked accepted by them, with
 * an `invitations.accepted` audit entry, in one transaction. The invitations are locked first, so
 * two sign-ins at once join once. Someone who is a member already keeps their role. Given a
 * transaction, it runs in it (an account made for the invitation commits with the joining).
 */
export async function joinPendingInvitations(
  db: PrismaClient | Prisma.TransactionClient,
  user: { id: number; name: string; email: string },
  now: Date = new Date(),
): Promise<JoinedProgram[]> {
  // A client (not a transaction: Prisma's transaction client has no $connect) opens one.
  if ("$connect" in db) return db.$transaction((tx) => joinPendingInvitations(tx, user, now));
  const open = await db.$queryRaw<{ program_id: number; id: number; role: Role }[]>`
    SELECT program_id, id, role FROM invitations
    WHERE lower(email) = lower(${user.email}) AND accepted_at IS NULL AND revoked_at IS NULL
      AND expires_at > ${now}
    ORDER BY program_id, id FOR UPDATE`;
  const joined: JoinedProgram[] = [];
  for (const invitation of open) {
    const programId = invitation.program_id;
    await db.invitation.update({
      where: { programId_id: { programId, id: invitation.id } },
      data: { acceptedAt: now, acceptedUserId: user.id },
    });
    const member = await db.membership.findUnique({
      where: { programId_userId: { programId, userId: user.id } },
      select: { role: true },
    });
    if (!member) {
      await db.membership.create({ data: { programId, userId: user.id, role: invitation.role } });
    }
    // Partnerships a PartnerStack import left waiting for this manager are theirs now.
    await assignPendingManagers(db, programId, user.id, user.email);
    await recordAudit(db, {
      programId,
      actor: user,
      kind: "invitations.accepted",
      summary: member
        ? `${user.email} accepted the invitation as ${invitation.role}, a member already (stays ${member.role})`
        : `${user.email} accepted the invitation and joined as ${invitation.role}`,
      details: { invitationId: invitation.id, role: invitation.role, userId: user.id },
    });
    joined.push({ programId, invitationId: invitation.id, role: invitation.role });
  }
  return joined;
}
