import "server-only";
import type { PrismaClient } from "../generated/prisma/client";

export async function listGroups(prisma: PrismaClient, programId: number) {
  const groups = await prisma.group.findMany({ where: { programId }, orderBy: { name: "asc" } });
  return {
    items: groups.map((g) => ({
      key: g.key,
      name: g.name,
      slug: g.slug,
      created_at: g.createdAt.getTime(),
    })),
    has_more: false,
    total: groups.length,
  };
}
