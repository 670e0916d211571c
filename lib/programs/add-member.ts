import "server-only";
import type { PrismaClient, Role } from "../generated/prisma/client";
import type { MembershipChange } from "./set-member-role";

/** Adds a user to a program with a role; a member already is a refusal naming the field. */
export async function addMember(
  prisma: PrismaClient,
  programId: number,
  userId: number,
  role: Role,
): Promise<MembershipChange> {
  try {
    await prisma.membership.create({ data: { programId, userId, role } });
    return { ok: true };
  } catch (error) {
    if ((error as { code?: string }).code === "P2002") {
      return { ok: false, field: "member", message: "is a member of this program already" };
    }
    throw error;
  }
}
