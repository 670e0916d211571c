// The one parser map for the Actions tab's URL. The filter bar (useQueryStates), the page, the
// drill-down, the "new actions" check and the exports all read the same keys through it.
import {
  createParser,
  createSerializer,
  parseAsInteger,
  parseAsNumberLiteral,
  parseAsString,
  parseAsStringLiteral,
  type inferParserType,
} from "nuqs/server";
import { COMPARISONS } from "../timeframe/resolve-timeframe";
import {
  DEFAULT_TIMEFRAME,
  parseTimeframe,
  serializeTimeframe,
  UNITS,
  type Timeframe,
} from "../timeframe/timeframe";
import { FILTERS, type Filter } from "../filters/filters";
import { OP_PAIRS, YES_NO } from "../filters/kinds";
import { OTHER_TYPES_TOKEN } from "../chart/series-colors";
import { BY_TYPE, parseAsBreakdown } from "../breakdown/breakdown";
import { storableTextProblem } from "../../validation/storable-text";

export const TIMESCALES = UNITS;
export { COMPARISONS };
export const INCLUDE_OPS = OP_PAIRS.include_exclude;
export const TAG_OPS = OP_PAIRS.any_of_none_of;
export { YES_NO };
export const TABLE_SORTS = [
  "name",
  "email",
  "type",
  "value",
  "occurrences",
  "rewards",
  // The compared period's numbers and the changes (0 when nothing is compared).
  "previous_occurrences",
  "occurrences_change",
  "previous_rewards",
  "rewards_change",
] as const;
export const SORT_DIRS = ["asc", "desc"] as const;
/** The drill-down's orders (ties by action id, the same way) and its page sizes. */
export const DRILL_SORTS = ["time", "value", "reward"] as const;
export const DRILL_PAGE_SIZES = [25, 50, 100] as const;

const parseAsTimeframe = createParser<Timeframe>({
  parse: parseTimeframe,
  serialize: serializeTimeframe,
  eq: (a, b) => serializeTimeframe(a) === serializeTimeframe(b),
});

type UnionToIntersection<U> = (U extends unknown ? (x: U) => void : never) extends (
  x: infer I,
) => void
  ? I
  : never;
type DeclaredParsers = UnionToIntersection<Filter["parsers"]>;

/**
 * Filters: what the Reload button applies — the timescale, the timeframe and every declared
 * filter (lib/stats/filters/filters.ts). Ids (not names) so commas in names cannot break a URL.
 */
export const filterParsers = {
  timescale: parseAsStringLiteral(TIMESCALES).withDefault("day"),
  timeframe: parseAsTimeframe.withDefault(DEFAULT_TIMEFRAME),
  /** What the tiles, the chart's line and the table's columns compare the timeframe with. */
  compare: parseAsStringLiteral(COMPARISONS).withDefault("previous_period"),
  ...(Object.assign({}, ...FILTERS.map((f) => f.parsers)) as DeclaredParsers),
};

/**
 * A series' name in the chart's `hidden` list (series-colors.ts's `hiddenToken`): a type's name,
 * "~other", or a breakdown's label with "~" and "," escaped as "~0" and "~1"; at most 255
 * characters, text PostgreSQL can store.
 */
const isHiddenToken = (t: string) =>
  t === OTHER_TYPES_TOKEN ||
  (t.length >= 1 && t.length <= 255 && !/~(?![01])/.test(t) && storableTextProblem(t) === null);
export const MAX_HIDDEN = 100;

/** Series names, comma-separated; null (the whole value ignored) when any is not a name. */
const parseAsHiddenSeries = createParser<string[]>({
  parse: (text) => {
    const tokens = text.split(",");
    const ok = tokens.length <= MAX_HIDDEN && tokens.every(isHiddenToken);
    return ok ? tokens : null;
  },
  serialize: (tokens) => tokens.join(","),
  eq: (a, b) => a.join(",") === b.join(","),
});

/**
 * How the view is drawn: series not drawn (`hidden=signup_completed,~other`), what the chart
 * stacks by (`stack_by=group`) and what the table's rows are grouped by (`rows_by=tag`; unset:
 * partner, type and value). Not filters: no number changes, so the filter bar neither shows nor
 * counts them; they travel with the filters in saved views, links, downloads and deliveries.
 */
export const chartParsers = {
  hidden: parseAsHiddenSeries.withDefault([]),
  stack_by: parseAsBreakdown.withDefault(BY_TYPE),
  rows_by: parseAsBreakdown,
};

/**
 * The occurrences table's own state: sorting and page; and `view`, the saved view the page was
 * opened from (its id), kept by every link that keeps the table's state, so the Saved views
 * button can say "Unsaved changes" once the filters differ from it. It changes no number.
 */
export const tableParsers = {
  sort: parseAsStringLiteral(TABLE_SORTS).withDefault("occurrences"),
  dir: parseAsStringLiteral(SORT_DIRS).withDefault("desc"),
  page: parseAsInteger.withDefault(1),
  view: parseAsInteger,
};

/**
 * The drill-down's selection: one table row (partner, type, value), or none = every action; then
 * its own order, page size and keyset position (`after` the next page, `before` the previous).
 */
export const drillParsers = {
  partner: parseAsString,
  type: parseAsString,
  value: parseAsInteger,
  /** `compared`: the actions of the period compared with instead of the timeframe's. */
  period: parseAsStringLiteral(["compared"] as const),
  drill_sort: parseAsStringLiteral(DRILL_SORTS).withDefault("time"),
  drill_dir: parseAsStringLiteral(SORT_DIRS).withDefault("desc"),
  per_page: parseAsNumberLiteral(DRILL_PAGE_SIZES).withDefault(50),
  after: parseAsString,
  before: parseAsString,
  // A conversion's starting actions (lib/stats/conversion): from type A to type B within N
  // days, those that converted (yes) or not, optionally of one partner group.
  from: parseAsString,
  to: parseAsString,
  within: parseAsInteger,
  converted: parseAsStringLiteral(["yes", "no"] as const),
  in_group: parseAsInteger,
  // A row of the table grouped by a breakdown: its actions (`by=group&by_key=3`).
  by: parseAsBreakdown,
  by_key: parseAsString,
};

export type ActionsTabFilters = inferParserType<typeof filterParsers>;

/** The filters of a URL with no parameters: the tab's default view. */
export const DEFAULT_FILTERS = Object.fromEntries(
  Object.entries(filterParsers).map(([key, parser]) => [key, parser.defaultValue]),
) as ActionsTabFilters;

/** The bar's filters by name; each `*_op` belongs to its list (`group_op` to `group`). */
export const FILTER_NAMES = [
  "timescale" as const,
  "timeframe" as const,
  "compare" as const,
  ...FILTERS.map((f) => f.key),
] satisfies readonly (keyof ActionsTabFilters)[];
export type FilterName = "timescale" | "timeframe" | "compare" | Filter["key"];

/** The filters as a query string without the defaults (`?timeframe=any_time`, or ""). */
export const serializeFilters = createSerializer(filterParsers);

/**
 * The filters set to something other than the default view, in the bar's order. A list's
 * condition alone (`group_op=exclude` with no groups) changes nothing, so it does not count.
 */
export function filtersInForce(filters: ActionsTabFilters): FilterName[] {
  return FILTER_NAMES.filter((name) => serializeFilters({ [name]: filters[name] }) !== "");
}

/** Whether filters other than the period (timeframe, timescale, comparison) narrow the view. */
export function filtersNarrow(filters: ActionsTabFilters): boolean {
  return filtersInForce(filters).some(
    (f) => f !== "timeframe" && f !== "timescale" && f !== "compare",
  );
}

/**
 * "Reset filters": every filter back to its default, the period (and what it is compared with) kept. The period is the question
 * asked ("what happened in Q3?"), the filters narrow it down (Plausible, Google Analytics and
 * PostHog keep the date range when filters are cleared, and so does this).
 */
export function periodOnly(filters: ActionsTabFilters): ActionsTabFilters {
  return {
    ...DEFAULT_FILTERS,
    timeframe: filters.timeframe,
    timescale: filters.timescale,
    compare: filters.compare,
  };
}
export type TableState = inferParserType<typeof tableParsers>;
export type ChartState = inferParserType<typeof chartParsers>;
export type DrillSelection = inferParserType<typeof drillParsers>;

export const serializeTabUrl = createSerializer({
  ...filterParsers,
  ...chartParsers,
  ...tableParsers,
  ...drillParsers,
});
