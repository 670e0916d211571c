import "server-only";
import type { PrismaClient } from "../generated/prisma/client";

export interface MemberProgram {
  slug: string;
  name: string;
  role: "owner" | "manager" | "viewer";
}

/** The programs a user belongs to, by name. */
export async function listMemberPrograms(
  prisma: PrismaClient,
  userId: number,
): Promise<MemberProgram[]> {
  const memberships = await prisma.membership.findMany({
    where: { userId },
    select: { role: true, program: { select: { slug: true, name: true } } },
    orderBy: { program: { name: "asc" } },
  });
  return memberships.map((m) => ({ slug: m.program.slug, name: m.program.name, role: m.role }));
}
