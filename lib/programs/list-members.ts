import "server-only";
import type { PrismaClient, Role } from "../generated/prisma/client";

export interface MemberRow {
  userId: number;
  name: string;
  email: string;
  role: Role;
  joinedAt: Date;
  /** The start of their newest session, if they ever signed in. */
  lastSignInAt: Date | null;
}

const ROLE_ORDER: Record<Role, number> = { owner: 0, manager: 1, viewer: 2 };

/** Everyone in a program: owners first, then managers, then viewers, by name. */
export async function listMembers(prisma: PrismaClient, programId: number): Promise<MemberRow[]> {
  const members = await prisma.membership.findMany({
    where: { programId },
    select: {
      role: true,
      createdAt: true,
      user: {
        select: {
          id: true,
          name: true,
          email: true,
          sessions: { orderBy: { createdAt: "desc" }, take: 1, select: { createdAt: true } },
        },
      },
    },
  });
  return members
    .map((m) => ({
      userId: m.user.id,
      name: m.user.name,
      email: m.user.email,
      role: m.role,
      joinedAt: m.createdAt,
      lastSignInAt: m.user.sessions[0]?.createdAt ?? null,
    }))
    .sort(
      (a, b) =>
        ROLE_ORDER[a.role] - ROLE_ORDER[b.role] ||
        a.name.localeCompare(b.name) ||
        a.userId - b.userId,
    );
}
