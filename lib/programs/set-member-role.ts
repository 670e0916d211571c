import "server-only";
import { recordAudit, type AuditActor } from "../audit/record-audit";
import type { PrismaClient, Role } from "../generated/prisma/client";

export type MembershipChange = { ok: true } | { ok: false; field: string; message: string };

const LAST_OWNER =
  "is the program's last owner: make another member an owner first (a program always keeps one)";

/**
 * Changes a member's role, or removes them (`role: null`). A program always keeps an owner: the
 * program's owner rows are locked first, so two owners demoting each other at once cannot both
 * succeed (the second sees one owner left). Role changes and removals end the member's sessions
 * (a trigger on memberships) and write their audit entry; a refusal or the same role writes none.
 */
export async function setMemberRole(
  prisma: PrismaClient,
  programId: number,
  userId: number,
  role: Role | null,
  actor: AuditActor,
): Promise<MembershipChange> {
  return prisma.$transaction(async (tx) => {
    const owners = await tx.$queryRaw<{ user_id: number }[]>`
      SELECT user_id FROM memberships WHERE program_id = ${programId} AND role = 'owner'
      ORDER BY user_id FOR UPDATE`;
    const [member] = await tx.$queryRaw<{ role: Role; email: string }[]>`
      SELECT m.role, u.email FROM memberships m JOIN users u ON u.id = m.user_id
      WHERE m.program_id = ${programId} AND m.user_id = ${userId}
      FOR UPDATE OF m`;
    if (!member) return { ok: false, field: "member", message: "is not a member of this program" };
    const losesOwner = member.role === "owner" && role !== "owner";
    if (losesOwner && owners.filter((o) => o.user_id !== userId).length === 0) {
      return { ok: false, field: "role", message: LAST_OWNER };
    }
    const { email } = member;
    if (role === null) {
      // Their partnerships lose their manager (the foreign key would refuse the removal).
      await tx.partnership.updateMany({
        where: { programId, managerUserId: userId },
        data: { managerUserId: null },
      });
      await tx.membership.delete({ where: { programId_userId: { programId, userId } } });
      await recordAudit(tx, {
        programId,
        actor,
        kind: "members.removed",
        summary: `Removed ${email} (was ${member.role})`,
        details: { userId, email, role: member.role },
      });
    } else if (role !== member.role) {
      await tx.membership.update({
        where: { programId_userId: { programId, userId } },
        data: { role },
      });
      await recordAudit(tx, {
        programId,
        actor,
        kind: "members.role_changed",
        summary: `Changed ${email} from ${member.role} to ${role}`,
        details: { userId, email, from: member.role, to: role },
      });
    }
    return { ok: true };
  });
}
