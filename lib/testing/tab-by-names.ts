// The same Actions tab URL on two programs whose ids differ (an import's source and target):
// filters named by group name, manager email and tag name, turned into each program's ids, and
// what the tab shows for them read through the one pipe (loadView → query module).
import { loadView } from "../stats/load-view";
import { getDrillDown } from "../stats/get-drill-down";
import { getOccurrenceTable } from "../stats/get-occurrence-table";
import { getSeries } from "../stats/get-series";
import { getSummary } from "../stats/get-summary";
import type { TabSources } from "../stats/sources";
import type { PrismaClient } from "../generated/prisma/client";

export interface NamedFilters {
  timeframe?: string;
  timescale?: string;
  groups?: string[];
  group_op?: "include" | "exclude";
  managers?: string[];
  tags?: string[];
  tag_op?: "any_of" | "none_of";
  name?: string;
  email?: string;
  marketplace?: "yes" | "no";
  archived?: "yes" | "no";
}

/** The URL parameters of `filters` in this program (a name it lacks fails the test). */
export async function urlFor(prisma: PrismaClient, programId: number, filters: NamedFilters) {
  const ids = async (
    names: string[] | undefined,
    find: (name: string) => Promise<number | undefined>,
  ) => {
    if (!names) return undefined;
    const found = await Promise.all(names.map(find));
    if (found.some((id) => id === undefined)) throw new Error(`unknown name in ${names}`);
    return found.join(",");
  };
  const raw: Record<string, string> = { timeframe: filters.timeframe ?? "any_time" };
  if (filters.timescale) raw.timescale = filters.timescale;
  const group = await ids(
    filters.groups,
    async (name) => (await prisma.group.findFirst({ where: { programId, name } }))?.id,
  );
  if (group) raw.group = group;
  if (filters.group_op) raw.group_op = filters.group_op;
  const manager = await ids(
    filters.managers,
    async (email) => (await prisma.user.findUnique({ where: { email } }))?.id,
  );
  if (manager) raw.manager = manager;
  const tag = await ids(
    filters.tags,
    async (name) => (await prisma.tag.findFirst({ where: { programId, name } }))?.id,
  );
  if (tag) raw.tag = tag;
  if (filters.tag_op) raw.tag_op = filters.tag_op;
  for (const key of ["name", "email", "marketplace", "archived"] as const) {
    if (filters[key]) raw[key] = filters[key];
  }
  return raw;
}

/**
 * The numbers the tab shows for these filters (tiles, chart, the whole table) and the keys of every
 * action the drill-down lists. Table rows are compared as a set: their order among equal
 * counts follows internal ids, which differ between two servers.
 */
export async function tabNumbers(
  sources: TabSources,
  program: { id: number; timezone: string },
  filters: NamedFilters,
  now: number,
) {
  const raw = await urlFor(sources.db.prisma, program.id, filters);
  const view = await loadView(sources, program, raw, { now });
  if (view.warnings.length > 0) throw new Error(view.warnings.join("; "));
  const table = await getOccurrenceTable(
    view.scope,
    { sort: "occurrences", dir: "desc", page: 1 },
    null,
  );
  const drillKeys: string[] = [];
  let after: string | null = null;
  let total = 0;
  do {
    const page = await getDrillDown(
      view.scope,
      { partner: null, type: null, value: null, after },
      20_000,
      after === null,
    );
    if (after === null) total = page.total;
    drillKeys.push(...page.rows.map((r) => r.key));
    after = page.nextAfter;
  } while (after);
  return {
    summary: await getSummary(view.scope),
    // Colours follow each program's own order of creating its types, which an import need not
    // repeat: not numbers, so not compared.
    series: { ...(await getSeries(view.scope)), colors: null },
    table: {
      ...table,
      rows: [...table.rows].sort((a, b) =>
        `${a.partnerKey} ${a.actionType} ${a.actionValue}`.localeCompare(
          `${b.partnerKey} ${b.actionType} ${b.actionValue}`,
        ),
      ),
    },
    drillTotal: total,
    // Sorted: among actions at the same instant the order follows internal ids.
    drillKeys: drillKeys.sort(),
  };
}
