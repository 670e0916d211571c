// The Actions tab's view of a measured URL as the page builds it (lib/stats/load-view.ts), for the
// bench's children: the filters, the chart's breakdown (`stack_by`), the table's (`rows_by`) and
// the program's lists that label them; then the table the page shows for it.
import type { FilterOptions } from "../../lib/stats/filters/load-filter-options";
import { typeColors } from "../../lib/stats/chart/series-colors";
import type { TabEngine } from "../../lib/stats/engine";
import { getBreakdownTable, type BreakdownTable } from "../../lib/stats/get-breakdown-table";
import { getOccurrenceTable } from "../../lib/stats/get-occurrence-table";
import { tabScope, type TabScope } from "../../lib/stats/scope";
import { loadTabState } from "../../lib/stats/url/load-tab-state";

export type TabState = ReturnType<typeof loadTabState>;
type OccurrenceTable = Awaited<ReturnType<typeof getOccurrenceTable>>;

/**
 * A URL's state and scope on `engine`, at `now`. `options` are the program's filter options
 * (`loadFilterOptions`), read once per process: the page reads them on every request, a few ms
 * of PostgreSQL on either engine, left out of the timings as before breakdowns existed.
 */
export function benchView(
  engine: TabEngine,
  program: { id: number; timezone: string },
  url: string,
  now: number,
  options: FilterOptions,
): { state: TabState; scope: TabScope } {
  const state = loadTabState(Object.fromEntries(new URLSearchParams(url)));
  if (state.warnings.length) throw new Error(`${url}: ${state.warnings.join(" ")}`);
  const scope: TabScope = {
    ...tabScope(engine, program, state.filters, now),
    stackBy: state.chart.stack_by,
    rowsBy: state.chart.rows_by,
    lists: options,
    typeColors: typeColors(options.actionTypes),
  };
  return { state, scope };
}

/** The table tile's page 1: grouped by `rows_by` when the URL sets it, else partner × type × value. */
export function tableTile(
  scope: TabScope,
  state: TabState,
): Promise<OccurrenceTable | BreakdownTable> {
  const page = { ...state.table, page: 1 };
  return state.chart.rows_by
    ? getBreakdownTable(scope, state.chart.rows_by, page)
    : getOccurrenceTable(scope, page);
}
