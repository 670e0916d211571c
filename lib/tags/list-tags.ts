import "server-only";
import type { TagOutput } from "../schemas/tags";
import type { PrismaClient } from "../generated/prisma/client";

/** Every tag of the program for the API, by name, archived ones included (they say so). */
export async function listTags(prisma: PrismaClient, programId: number) {
  const tags = await prisma.tag.findMany({ where: { programId }, orderBy: { name: "asc" } });
  const items: TagOutput[] = tags.map((t) => ({ name: t.name, archived: t.archivedAt !== null }));
  return { items, has_more: false, total: items.length };
}
