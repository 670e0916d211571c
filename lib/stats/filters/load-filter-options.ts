import "server-only";
import type { PrismaClient } from "../../generated/prisma/client";
import { FILTERS } from "./filters";
import { noteProblem, type ReadProblems } from "./read-problems";
import type { OptionsKey } from "./kinds";
import {
  OPTION_LOADERS,
  type FilterOption,
  type IdsOptionsKey,
  type PropertyOption,
} from "./options";

export type { FilterOption, PropertyOption } from "./options";
export type FilterOptions = Record<IdsOptionsKey, FilterOption[]> & {
  properties: PropertyOption[];
};

/** The choices of the multi-select filters, loaded once per page. */
export async function loadFilterOptions(
  prisma: PrismaClient,
  programId: number,
): Promise<FilterOptions> {
  const keys = Object.keys(OPTION_LOADERS) as OptionsKey[];
  const lists = await Promise.all(keys.map((key) => OPTION_LOADERS[key](prisma, programId)));
  return Object.fromEntries(keys.map((key, i) => [key, lists[i]])) as FilterOptions;
}

/** Drops ids that name nothing in this program (a stale or hand-edited URL) and says so. */
export function dropUnknownIds<F extends Record<string, unknown>>(
  filters: F,
  options: FilterOptions,
  read: ReadProblems,
): Partial<F> {
  const kept: Record<string, number[]> = {};
  for (const f of FILTERS) {
    if (f.kind !== "ids") continue;
    const ids = filters[f.key] as number[];
    const known = new Set(options[f.options].map((o) => o.id));
    kept[f.key] = ids.filter((id) => known.has(id));
    const unknown = ids.filter((id) => !known.has(id));
    if (unknown.length > 0)
      noteProblem(
        read,
        f.key,
        // The first ten named (a URL may carry thousands): the message also goes to the API log.
        `${unknown.slice(0, 10).join(", ")}${unknown.length > 10 ? ` and ${unknown.length - 10} more` : ""}: no such ${unknown.length === 1 ? "id" : "ids"} in this program.`,
        `${f.label}: some selected values no longer exist and were ignored.`,
      );
  }
  return kept as Partial<F>;
}
