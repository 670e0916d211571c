import { MAX_INT } from "../../validation/fields";
import { storableTextProblem } from "../../validation/storable-text";
import {
  chartParsers,
  drillParsers,
  filterParsers,
  tableParsers,
  type ActionsTabFilters,
  type ChartState,
  type DrillSelection,
  type TableState,
} from "./search-params";
import { describeTimeframe } from "../timeframe/timeframe";
import { FILTERS } from "../filters/filters";
import { noteProblem, type ReadProblems } from "../filters/read-problems";
import { MAX_WITHIN_DAYS } from "../conversion/conversion";

export type RawSearchParams = Record<string, string | string[] | undefined>;

/** What the page calls each URL parameter in its warnings. */
export const TAB_PARAM_LABELS: Record<string, string> = {
  timescale: "Timescale",
  timeframe: "Timeframe",
  compare: "Compare with",
  hidden: "Hidden series",
  stack_by: "Stack by",
  rows_by: "Group rows by",
  ...Object.fromEntries(
    FILTERS.flatMap((f) => [[f.key, f.label], ...("opKey" in f ? [[f.opKey, f.label]] : [])]),
  ),
  sort: "Sort",
  dir: "Sort direction",
  page: "Page",
  view: "Saved view",
  partner: "Partner",
  type: "Action type",
  value: "Action value",
  period: "Period of the actions",
  drill_sort: "Sort of the actions",
  drill_dir: "Sort direction of the actions",
  per_page: "Actions per page",
  after: "Page position",
  before: "Page position",
  from: "Conversion from",
  to: "Conversion to",
  within: "Conversion window (days)",
  converted: "Converted",
  in_group: "Group of the conversion",
  by: "Breakdown of the row",
  by_key: "Row of the breakdown",
};

// Long enough for any partner key or action type (255); NUL is refused, as PostgreSQL does.
const MAX_TEXT = 255;
const MAX_PAGE = 100_000;

type AnyParser = { parse: (value: string) => unknown; defaultValue?: unknown };

// Whole numbers are digits only: the parsers' parseInt would read "2abc", " 3" or "1.5" as a
// number and apply a filter nobody asked for, without a word.
const wholeNumber = (text: string, max: number) =>
  /^\d+$/.test(text) && Number(text) >= 1 && Number(text) <= max;

/** A raw value is valid when it parses completely: no dropped list items, no out-of-range numbers. */
function isValid(key: string, parser: AnyParser, raw: string): boolean {
  const parsed = parser.parse(raw);
  if (parsed === null || parsed === undefined) return false;
  // The parser itself refuses a list with any name that is not a type's.
  if (key === "hidden") return true;
  if (Array.isArray(parsed)) return raw.split(",").every((id) => wholeNumber(id, MAX_INT));
  if (key === "page") return wholeNumber(raw, MAX_PAGE);
  if (key === "value" || key === "view" || key === "in_group") return wholeNumber(raw, MAX_INT);
  if (key === "within") return wholeNumber(raw, MAX_WITHIN_DAYS);
  // The parser reads "25abc" as 25: a page size is exactly one of its numbers.
  if (key === "per_page") return /^(25|50|100)$/.test(raw);
  // A keyset position: the sort value of a row (epoch ms, action value or reward cents: never
  // negative), its id.
  if (key === "after" || key === "before") return /^\d{1,15}_\d{1,18}$/.test(parsed as string);
  // Text is stored and compared by PostgreSQL: no NUL, no unpaired surrogate (see storable()).
  if (typeof parsed === "string")
    return parsed.length <= MAX_TEXT && storableTextProblem(parsed) === null;
  return true;
}

function loadWith<P extends Record<string, AnyParser>>(
  parsers: P,
  raw: RawSearchParams,
  read: ReadProblems,
) {
  const out: Record<string, unknown> = {};
  for (const [key, parser] of Object.entries(parsers)) {
    const value = raw[key];
    const text = Array.isArray(value) ? value[0] : value;
    if (text === undefined || text === "") {
      out[key] = parser.defaultValue ?? null;
      continue;
    }
    if (isValid(key, parser, text)) {
      out[key] = parser.parse(text);
    } else {
      const fallback =
        key === "timeframe"
          ? ` Showing “${describeTimeframe(parser.defaultValue as never)}” instead.`
          : " It was ignored.";
      const shown = `“${text.slice(0, 60)}” is not a valid value.`;
      noteProblem(read, key, shown, `${TAB_PARAM_LABELS[key] ?? key}: ${shown}${fallback}`);
      out[key] = parser.defaultValue ?? null;
    }
  }
  return out;
}

/** The filters of a URL (the tab's, or another page's that takes the tab's filters), leniently. */
export function loadTabFilters(raw: RawSearchParams, read: ReadProblems): ActionsTabFilters {
  const filters = loadWith(filterParsers as unknown as Record<string, AnyParser>, raw, read);
  for (const f of FILTERS) {
    if (f.kind === "text" && typeof filters[f.key] === "string")
      filters[f.key] = (filters[f.key] as string).trim();
  }
  return filters as ActionsTabFilters;
}

/**
 * Reads the tab's URL on the server: valid values are used, invalid ones fall back to their
 * defaults and produce a message for the page, never an error.
 */
export function loadTabState(raw: RawSearchParams, reads: "tab" | "filters" = "tab") {
  const read: ReadProblems = { warnings: [], problems: [] };
  const { warnings, problems } = read;
  const filters = loadTabFilters(raw, read);
  // The chart's state is read wherever the filters are: a partner page draws the chart too.
  const chart = loadWith(chartParsers as unknown as Record<string, AnyParser>, raw, read);
  // A page with keys of its own (the directory's `sort`, `after`) reads only the filters: the
  // table and drill-down keep their defaults.
  const own = reads === "tab" ? raw : {};
  const table = loadWith(tableParsers as unknown as Record<string, AnyParser>, own, read);
  const drill = loadWith(drillParsers as unknown as Record<string, AnyParser>, own, read);
  return {
    filters,
    chart: chart as ChartState,
    table: table as TableState,
    drill: drill as DrillSelection,
    warnings,
    problems,
  };
}
