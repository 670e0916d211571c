import "server-only";
import type { PrismaClient } from "../../generated/prisma/client";

export interface FilterOption {
  id: number;
  label: string;
}

export interface FilterOptions {
  groups: FilterOption[];
  managers: FilterOption[];
  tags: FilterOption[];
}

/** The choices of the multi-select filters, loaded once per page. */
export async function loadFilterOptions(
  prisma: PrismaClient,
  programId: number,
): Promise<FilterOptions> {
  const [groups, managers, tags] = await Promise.all([
    prisma.group.findMany({
      where: { programId },
      select: { id: true, name: true },
      orderBy: { name: "asc" },
    }),
    prisma.$queryRaw<{ id: number; label: string }[]>`
      SELECT u.id, u.name AS label FROM users u
      WHERE u.id IN (SELECT DISTINCT manager_user_id FROM partnerships WHERE program_id = ${programId} AND manager_user_id IS NOT NULL)
         OR u.id IN (SELECT user_id FROM memberships WHERE program_id = ${programId} AND role = 'manager')
      ORDER BY u.name`,
    prisma.tag.findMany({
      where: { programId },
      select: { id: true, name: true },
      orderBy: { name: "asc" },
    }),
  ]);
  return {
    groups: groups.map((g) => ({ id: g.id, label: g.name })),
    managers,
    tags: tags.map((t) => ({ id: t.id, label: t.name })),
  };
}

/** Drops ids that name nothing in this program (a stale or hand-edited URL) and says so. */
export function dropUnknownIds(
  filters: { group: number[]; manager: number[]; tag: number[] },
  options: FilterOptions,
  warnings: string[],
) {
  const keep = (ids: number[], list: FilterOption[], label: string) => {
    const known = new Set(list.map((o) => o.id));
    const kept = ids.filter((id) => known.has(id));
    if (kept.length < ids.length)
      warnings.push(`${label}: some selected values no longer exist and were ignored.`);
    return kept;
  };
  return {
    group: keep(filters.group, options.groups, "Group name"),
    manager: keep(filters.manager, options.managers, "Partner manager name"),
    tag: keep(filters.tag, options.tags, "Partner tag"),
  };
}
