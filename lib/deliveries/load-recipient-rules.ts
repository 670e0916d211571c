import "server-only";
import type { PrismaClient } from "../generated/prisma/client";

/** The program's members' addresses (lower case) and its allowed outside domains. */
export async function loadRecipientRules(prisma: PrismaClient, programId: number) {
  const [members, program] = await Promise.all([
    prisma.membership.findMany({
      where: { programId },
      select: { user: { select: { email: true } } },
    }),
    prisma.program.findUniqueOrThrow({
      where: { id: programId },
      select: { deliveryDomains: true },
    }),
  ]);
  return {
    memberEmails: new Set(members.map((m) => m.user.email.toLowerCase())),
    domains: program.deliveryDomains,
  };
}
