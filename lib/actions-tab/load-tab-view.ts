import "server-only";
import { loadTabState, type RawSearchParams } from "./load-tab-state";
import { dropUnknownIds, loadFilterOptions } from "./query/load-filter-options";
import { tabScope } from "./query/tab-scope";
import { serializeTabUrl } from "./search-params";
import type { TabSources } from "./tab-sources";

/**
 * Everything a view of the tab starts from — page, drill-down and exports alike: the URL read
 * leniently, ids checked against the program, and the scope every query takes.
 */
export async function loadTabView(
  { db, analytics }: TabSources,
  program: { id: number; timezone: string },
  raw: RawSearchParams,
) {
  const state = loadTabState(raw);
  const options = await loadFilterOptions(db.prisma, program.id);
  const filters = { ...state.filters, ...dropUnknownIds(state.filters, options, state.warnings) };
  const scope = tabScope(analytics.engine, program, filters);
  return {
    ...state,
    filters,
    options,
    scope,
    analytics,
    /** The applied filters as a query string (no table or drill state): for saved views and links. */
    filterQuery: serializeTabUrl("", filters).replace(/^\?/, ""),
    /** The filters and the table's order (not its page): downloads list rows as the screen does. */
    exportQuery: serializeTabUrl("", {
      ...filters,
      sort: state.table.sort,
      dir: state.table.dir,
    }).replace(/^\?/, ""),
  };
}
