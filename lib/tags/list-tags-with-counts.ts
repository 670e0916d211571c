import "server-only";
import type { PrismaClient } from "../generated/prisma/client";

export interface TagWithCount {
  id: number;
  name: string;
  archivedAt: Date | null;
  /** Partnerships with the tag that are not archived. */
  partnerships: number;
}

/** The Groups and tags page's tags: active ones first, by name, each with its partnerships. */
export async function listTagsWithCounts(
  prisma: PrismaClient,
  programId: number,
): Promise<TagWithCount[]> {
  return prisma.$queryRaw<TagWithCount[]>`
    SELECT t.id, t.name, t.archived_at AS "archivedAt",
           count(p.id) FILTER (WHERE p.archived_at IS NULL)::int AS partnerships
    FROM tags t
    LEFT JOIN partnership_tags pt ON pt.program_id = t.program_id AND pt.tag_id = t.id
    LEFT JOIN partnerships p ON p.program_id = pt.program_id AND p.id = pt.partnership_id
    WHERE t.program_id = ${programId}
    GROUP BY t.program_id, t.id
    ORDER BY t.archived_at IS NOT NULL, lower(t.name), t.id`;
}
