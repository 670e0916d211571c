import "server-only";
import { FILTERS } from "./filters/filters";
import {
  dropUnknownIds,
  loadFilterOptions,
  type FilterOptions,
} from "./filters/load-filter-options";
import { describeRange } from "./previous-period";
import { tabScope, type TabScope } from "./scope";
import { OTHER_SERIES, OTHER_TYPES, seriesOfToken, typeColors } from "./chart/series-colors";
import type { TabSources } from "./sources";
import { loadTabState, type RawSearchParams } from "./url/load-tab-state";
import { noteProblem, type ReadProblems } from "./filters/read-problems";
import { DEFAULT_FILTERS, serializeTabUrl, type ActionsTabFilters } from "./url/search-params";

export interface ViewOptions {
  /** The instant relative timeframes resolve at (default: now). */
  now?: number;
  /**
   * Which of the URL's parameters are the view's: the tab's own (filters, table and drill-down;
   * the default), or only its filters (a page with keys of its own, such as the directory).
   */
  reads?: "tab" | "filters";
  /**
   * A partner page: only this partnership's actions. The partner is its only partner filter;
   * the timeframe, timescale and the filters on actions apply.
   */
  partnershipId?: number;
}

/** A partner page's filters: the URL's, less those on partnerships. */
function actionFiltersOf(filters: ActionsTabFilters): ActionsTabFilters {
  const kept: Record<string, unknown> = { ...DEFAULT_FILTERS };
  kept.timeframe = filters.timeframe;
  kept.timescale = filters.timescale;
  for (const f of FILTERS) {
    if (f.target !== "action") continue;
    for (const key of Object.keys(f.parsers)) kept[key] = filters[key as keyof ActionsTabFilters];
  }
  return kept as ActionsTabFilters;
}

/**
 * Stacked by type, the hidden series that name a type of the program (or "Other types"); the rest
 * said and dropped. Stacked by anything else, the names stay (a series no view draws hides nothing).
 */
function knownSeries(
  tokens: string[],
  options: FilterOptions,
  stackedByType: boolean,
  read: ReadProblems,
): string[] {
  if (!stackedByType) return [...new Set(tokens)];
  const types = new Set(options.actionTypes.map((t) => t.label));
  const kept = tokens.filter((t) => seriesOfToken(t) !== t || types.has(t));
  if (kept.length < tokens.length)
    noteProblem(
      read,
      "hidden",
      "names a series that is not an action type of this program.",
      "Hidden series: some names are not action types of this program and were ignored.",
    );
  return [...new Set(kept)];
}

/**
 * Everything a view of the program's actions starts from — the tab, its drill-down, the "new
 * actions" count, the Partners pages, downloads and deliveries alike: the URL read leniently
 * (invalid values dropped with a warning), ids checked against the program (unknown ones dropped
 * with a warning), the timeframe resolved at `now`, and the scope every query takes.
 */
export async function loadView(
  { db, analytics }: TabSources,
  program: { id: number; timezone: string },
  query: RawSearchParams,
  options: ViewOptions = {},
) {
  const state = loadTabState(query, options.reads);
  const { warnings, problems } = state;
  const read = { warnings, problems };
  const urlFilters =
    options.partnershipId === undefined ? state.filters : actionFiltersOf(state.filters);
  const filterOptions = await loadFilterOptions(db.prisma, program.id);
  const filters = { ...urlFilters, ...dropUnknownIds(urlFilters, filterOptions, read) };
  const byType = state.chart.stack_by.kind === "type";
  const chart = {
    ...state.chart,
    hidden: knownSeries(state.chart.hidden, filterOptions, byType, read),
  };
  const other = byType ? OTHER_TYPES : OTHER_SERIES;
  const scope: TabScope = comparedIfAsked(state.drill.period, {
    ...tabScope(analytics.engine, program, filters, options.now),
    partnershipId: options.partnershipId,
    hiddenSeries: chart.hidden.map((t) => seriesOfToken(t, other)),
    stackBy: chart.stack_by,
    rowsBy: chart.rows_by,
    lists: filterOptions,
    typeColors: typeColors(filterOptions.actionTypes),
  });
  return {
    ...state,
    warnings,
    /** The same problems by URL parameter, for strict readers (the reporting API refuses them). */
    problems,
    filters,
    chart,
    options: filterOptions,
    scope,
    analytics,
    /** The applied filters as a query string (no table or drill state): for saved views and links. */
    filterQuery: serializeTabUrl("", { ...filters, ...chart }).replace(/^\?/, ""),
    /** The filters and the table's order (not its page): downloads list rows as the screen does. */
    exportQuery: serializeTabUrl("", {
      ...filters,
      ...chart,
      sort: state.table.sort,
      dir: state.table.dir,
    }).replace(/^\?/, ""),
  };
}

export type View = Awaited<ReturnType<typeof loadView>>;

/**
 * The drill-down of the period compared with (`period=compared`): the same view over that
 * period's instants, compared with nothing. Without such a period the timeframe's stays.
 */
function comparedIfAsked(period: "compared" | null, scope: TabScope): TabScope {
  if (period !== "compared" || !scope.previous) return scope;
  return {
    ...scope,
    range: scope.previous,
    previous: null,
    compareShift: null,
    rangeDescription: describeRange(scope.previous, scope.timezone) ?? scope.rangeDescription,
    comparedPeriod: true,
  };
}
