import type { FilterOptions } from "../stats/filters/load-filter-options";
import type { TabScope } from "../stats/scope";
import { FILTERS, type Filter } from "../stats/filters/filters";
import type { ActionsTabFilters, FilterName } from "../stats/url/search-params";
import { describeTimeframe } from "../stats/timeframe/timeframe";
import { isoInZone } from "../time/format";
import { comparisonWords, describePreviousPeriod } from "../stats/previous-period";

/** One filter in words, e.g. "Group name" and "is one of Affiliates, Agencies". */
export interface FilterDescription {
  name: FilterName;
  label: string;
  value: string;
}

/**
 * Every filter of a scope in words, timeframe first with its concrete dates and zone: the files'
 * header and the drill-down's list of filters in force.
 */
export function describeFilters(scope: TabScope, options: FilterOptions): FilterDescription[] {
  const f = scope.filters;
  return [
    {
      name: "timeframe",
      label: "Timeframe",
      value: `${describeTimeframe(f.timeframe)} → ${scope.rangeDescription} (${scope.timezone})`,
    },
    { name: "timescale", label: "Timescale", value: f.timescale },
    {
      name: "compare",
      label: "Compared with",
      value: scope.previous
        ? `${comparisonWords(scope).vs} → ${describePreviousPeriod(scope)}`
        : f.compare === "none"
          ? "nothing"
          : "nothing (the timeframe has no period before it)",
    },
    ...FILTERS.map((filter) => ({
      name: filter.key,
      label: filter.label,
      value: describeFilter(filter, f, options),
    })),
  ];
}

/** One filter's value in words: "is one of Affiliates, Agencies", "contains “ann”", "yes". */
function describeFilter(filter: Filter, f: ActionsTabFilters, options: FilterOptions): string {
  if (filter.kind === "text") return f[filter.key] ? `contains “${f[filter.key]}”` : "any";
  if (filter.kind === "flag") return f[filter.key];
  if (filter.kind === "property") {
    const { key, values } = f[filter.key];
    if (!key) return filter.words[0];
    const op = f[filter.opKey] === "include" ? filter.words[1] : filter.words[2];
    // Quoted: a value may hold commas.
    return `${key} ${op} ${values.map((v) => `“${v}”`).join(", ")}`;
  }
  const ids = f[filter.key];
  if (!ids.length) return filter.words[0];
  const list = options[filter.options];
  const names = ids.map((id) => list.find((o) => o.id === id)?.label ?? `#${id}`).join(", ");
  const op = f[filter.opKey] === filter.opValues[0] ? filter.words[1] : filter.words[2];
  return `${op} ${names}`;
}

/** What a file contains, in words: every applied filter, the concrete dates, zone and time. */
export function filtersSummary(
  scope: TabScope,
  options: FilterOptions,
  programName: string,
): string[] {
  return [
    `Program: ${programName}`,
    ...describeFilters(scope, options).map(({ label, value }) => `${label}: ${value}`),
    ...(scope.hiddenSeries?.length
      ? [
          `Hidden in the chart (not drawn; numbers and tables include them): ${scope.hiddenSeries.join(", ")}`,
        ]
      : []),
    `Generated: ${isoInZone(scope.asOf, scope.timezone)} (${scope.timezone})`,
  ];
}
