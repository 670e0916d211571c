import "server-only";
import { loadTabState, type RawSearchParams } from "./url/load-tab-state";
import { dropUnknownIds, loadFilterOptions } from "./filters/load-filter-options";
import { tabScope } from "./scope";
import { serializeTabUrl, type ActionsTabFilters } from "./url/search-params";
import type { TabSources } from "./sources";

/**
 * The scope of URL filters: ids checked against the program (unknown ones dropped with a
 * warning), the timeframe resolved, the engine attached. The tab and the Partners pages share it.
 */
export async function scopeOf(
  { db, analytics }: TabSources,
  program: { id: number; timezone: string },
  urlFilters: ActionsTabFilters,
  warnings: string[],
  now?: number,
) {
  const options = await loadFilterOptions(db.prisma, program.id);
  const filters = { ...urlFilters, ...dropUnknownIds(urlFilters, options, warnings) };
  return { filters, options, scope: tabScope(analytics.engine, program, filters, now) };
}

/**
 * Everything a view of the tab starts from — page, drill-down and exports alike: the URL read
 * leniently, ids checked against the program, and the scope every query takes. `now` (default:
 * the current time) is the instant relative timeframes are resolved at.
 */
export async function loadTabView(
  { db, analytics }: TabSources,
  program: { id: number; timezone: string },
  raw: RawSearchParams,
  now?: number,
) {
  const state = loadTabState(raw);
  const { filters, options, scope } = await scopeOf(
    { db, analytics },
    program,
    state.filters,
    state.warnings,
    now,
  );
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
