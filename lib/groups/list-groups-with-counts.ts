import "server-only";
import type { PrismaClient } from "../generated/prisma/client";

export interface GroupWithCount {
  id: number;
  key: string;
  name: string;
  archivedAt: Date | null;
  /** Partnerships in the group that are not archived. */
  partnerships: number;
}

/** The Groups and tags page's groups: active ones first, by name, each with its partnerships. */
export async function listGroupsWithCounts(
  prisma: PrismaClient,
  programId: number,
): Promise<GroupWithCount[]> {
  return prisma.$queryRaw<GroupWithCount[]>`
    SELECT g.id, g.key, g.name, g.archived_at AS "archivedAt",
           count(p.id) FILTER (WHERE p.archived_at IS NULL)::int AS partnerships
    FROM groups g
    LEFT JOIN partnerships p ON p.program_id = g.program_id AND p.group_id = g.id
    WHERE g.program_id = ${programId}
    GROUP BY g.program_id, g.id
    ORDER BY g.archived_at IS NOT NULL, lower(g.name), g.id`;
}
