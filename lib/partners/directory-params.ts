import { z } from "zod";
import { loadTabFilters, type RawSearchParams } from "../stats/url/load-tab-state";
import type { ActionsTabFilters } from "../stats/url/search-params";
import { serializeTabUrl } from "../stats/url/search-params";

export const DIRECTORY_SORTS = [
  "name",
  "email",
  "joined",
  "actions",
  "rewards",
  "last_action",
] as const;
export type DirectorySort = (typeof DIRECTORY_SORTS)[number];

/**
 * Where a later page starts: after this partnership, and, ordered by a number, after the value it
 * had when the previous page was read (so rows whose numbers change meanwhile move no page
 * boundary). URL form `<value>_<id>`, or `<id>` for an order by attribute.
 */
export interface DirectoryCursor {
  id: number;
  value: number | null;
}

/**
 * The directory's own state, beside the tab's filters: order and page position. (Its search is
 * the filter bar's partner name and email.)
 */
export interface DirectoryState {
  sort: DirectorySort;
  dir: "asc" | "desc";
  /** The last row of the previous page (keyset), or null for the first page. */
  after: DirectoryCursor | null;
}

export const DEFAULT_DIRECTORY: DirectoryState = {
  sort: "actions",
  dir: "desc",
  after: null,
};

const PARAMS = {
  sort: { label: "Sort", schema: z.enum(DIRECTORY_SORTS) },
  dir: { label: "Sort direction", schema: z.enum(["asc", "desc"]) },
  after: {
    label: "Page position",
    schema: z
      .string()
      .regex(/^(?:-?\d{1,16}_)?\d{1,9}$/)
      .transform((text): DirectoryCursor => {
        const [id, value] = text.split("_").reverse();
        return { id: Number(id), value: value === undefined ? null : Number(value) };
      })
      .refine((c) => c.value === null || Number.isSafeInteger(c.value)),
  },
} as const;

/**
 * Reads a Partners directory URL on the server: the tab's filters through the tab's own parser,
 * then sort and page position. Invalid values fall back to their defaults with a message.
 */
export function loadDirectoryState(raw: RawSearchParams) {
  const warnings: string[] = [];
  const filters = loadTabFilters(raw, { warnings, problems: [] });
  const own = loadDirectoryKeys(raw);
  return { filters, directory: own.directory, warnings: [...warnings, ...own.warnings] };
}

/** The directory's own keys of a URL (sort, page position), leniently. */
export function loadDirectoryKeys(raw: RawSearchParams) {
  const warnings: string[] = [];
  const directory: DirectoryState = { ...DEFAULT_DIRECTORY };
  for (const [key, { label, schema }] of Object.entries(PARAMS)) {
    const value = raw[key];
    const text = Array.isArray(value) ? value[0] : value;
    if (text === undefined || text === "") continue;
    const parsed = schema.safeParse(text);
    if (parsed.success) Object.assign(directory, { [key]: parsed.data });
    else warnings.push(`${label}: “${text.slice(0, 60)}” is not a valid value. It was ignored.`);
  }
  return { directory, warnings };
}

/** A directory URL: the filters in the tab's conventions, then the directory's own keys. */
export function directoryUrl(
  path: string,
  filters: ActionsTabFilters,
  directory: Partial<DirectoryState>,
): string {
  const url = serializeTabUrl(path, filters);
  const own = new URLSearchParams();
  const d = { ...DEFAULT_DIRECTORY, ...directory };
  if (d.sort !== DEFAULT_DIRECTORY.sort || d.dir !== DEFAULT_DIRECTORY.dir) {
    own.set("sort", d.sort);
    own.set("dir", d.dir);
  }
  if (d.after !== null)
    own.set("after", d.after.value === null ? `${d.after.id}` : `${d.after.value}_${d.after.id}`);
  const tail = own.toString();
  if (!tail) return url;
  return `${url}${url.includes("?") ? "&" : "?"}${tail}`;
}
