import "server-only";
import type { PrismaClient } from "../generated/prisma/client";

/**
 * Who may create further programs: a signed-in user who owns at least one program (a team's
 * owners grow it; managers, viewers and people without a program cannot — the first program of
 * an instance comes from `/setup` or `npm run admin -- create-program`).
 */
export async function ownsAProgram(prisma: PrismaClient, userId: number): Promise<boolean> {
  const owned = await prisma.membership.findFirst({
    where: { userId, role: "owner" },
    select: { programId: true },
  });
  return owned !== null;
}
