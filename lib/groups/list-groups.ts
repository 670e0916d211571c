import "server-only";
import type { PrismaClient } from "../generated/prisma/client";
import { groupOutputOf } from "./group-output";

/** Every group of the program for the API, archived ones included (they say so). */
export async function listGroups(prisma: PrismaClient, programId: number) {
  const groups = await prisma.group.findMany({ where: { programId }, orderBy: { name: "asc" } });
  return { items: groups.map(groupOutputOf), has_more: false, total: groups.length };
}
