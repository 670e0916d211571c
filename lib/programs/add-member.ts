import "server-only";
import type { PrismaClient, Role } from "../generated/prisma/client";
import { assignPendingManagers } from "../invitations/assign-pending-managers";
import type { MembershipChange } from "./set-member-role";

/**
 * Adds a user to a program with a role (partnerships waiting for them as manager get them); a
 * member already is a refusal naming the field.
 */
export async function addMember(
  prisma: PrismaClient,
  programId: number,
  userId: number,
  role: Role,
): Promise<MembershipChange> {
  try {
    await prisma.$transaction(async (tx) => {
      const user = await tx.user.findUniqueOrThrow({
        where: { id: userId },
        select: { email: true },
      });
      await tx.membership.create({ data: { programId, userId, role } });
      // Partnerships an import named this person as manager of get them now.
      await assignPendingManagers(tx, programId, userId, user.email);
    });
    return { ok: true };
  } catch (error) {
    if ((error as { code?: string }).code === "P2002") {
      return { ok: false, field: "member", message: "is a member of this program already" };
    }
    throw error;
  }
}
