import "server-only";
import type { PrismaClient } from "../../generated/prisma/client";
import { loadPropertyOptions, type PropertyOption } from "../../actions/load-property-options";

export type { PropertyOption } from "../../actions/load-property-options";

export interface FilterOption {
  id: number;
  label: string;
}

/** How each list of choices of a multi-select filter is read, by name (filters.ts's `options`). */
export const OPTION_LOADERS = {
  groups: async (prisma, programId) =>
    (
      await prisma.group.findMany({
        where: { programId },
        select: { id: true, name: true },
        orderBy: { name: "asc" },
      })
    ).map((g) => ({ id: g.id, label: g.name })),
  // Everyone who manages a partnership, and the program's managers who could.
  managers: (prisma, programId) =>
    prisma.$queryRaw<FilterOption[]>`
      SELECT u.id, u.name AS label FROM users u
      WHERE u.id IN (SELECT DISTINCT manager_user_id FROM partnerships WHERE program_id = ${programId} AND manager_user_id IS NOT NULL)
         OR u.id IN (SELECT user_id FROM memberships WHERE program_id = ${programId} AND role = 'manager')
      ORDER BY u.name`,
  tags: async (prisma, programId) =>
    (
      await prisma.tag.findMany({
        where: { programId },
        select: { id: true, name: true },
        orderBy: { name: "asc" },
      })
    ).map((t) => ({ id: t.id, label: t.name })),
  actionTypes: async (prisma, programId) =>
    (
      await prisma.actionType.findMany({
        where: { programId },
        select: { id: true, name: true },
        orderBy: { name: "asc" },
      })
    ).map((t) => ({ id: t.id, label: t.name })),
  properties: loadPropertyOptions,
} satisfies Record<
  string,
  (prisma: PrismaClient, programId: number) => Promise<FilterOption[] | PropertyOption[]>
>;

/** The lists of choices the filters offer, by name (loaded per page). */
export type OptionsKey = keyof typeof OPTION_LOADERS;
/** The lists of a multi-select filter (ids and labels). */
export type IdsOptionsKey = Exclude<OptionsKey, "properties">;
