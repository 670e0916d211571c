import "server-only";
import type { PrismaClient } from "../generated/prisma/client";

/** What a rule's form offers: the program's groups (by key) and action type names, by name. */
export async function loadRuleChoices(prisma: PrismaClient, programId: number) {
  const [groups, types] = await Promise.all([
    prisma.group.findMany({
      where: { programId },
      select: { key: true, name: true },
      orderBy: { name: "asc" },
    }),
    prisma.actionType.findMany({
      where: { programId },
      select: { name: true },
      orderBy: { name: "asc" },
    }),
  ]);
  return { groups, actionTypes: types.map((t) => t.name) };
}
