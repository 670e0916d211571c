import type { FilterOptions } from "../stats/filters/load-filter-options";
import type { TabScope } from "../stats/scope";
import type { FilterName } from "../stats/url/search-params";
import { describeTimeframe } from "../stats/timeframe/timeframe";
import { isoInZone } from "../time/format";

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
  const names = (ids: number[], list: FilterOptions["groups"]) =>
    ids.map((id) => list.find((o) => o.id === id)?.label ?? `#${id}`).join(", ");
  const oneOf = (ids: number[], op: string, list: FilterOptions["groups"]) =>
    ids.length
      ? `${op === "include" ? "is one of" : "is not one of"} ${names(ids, list)}`
      : "is any";
  const entries: [FilterName, string, string][] = [
    [
      "timeframe",
      "Timeframe",
      `${describeTimeframe(f.timeframe)} → ${scope.rangeDescription} (${scope.timezone})`,
    ],
    ["timescale", "Timescale", f.timescale],
    ["group", "Group name", oneOf(f.group, f.group_op, options.groups)],
    ["manager", "Partner manager name", oneOf(f.manager, f.manager_op, options.managers)],
    ["name", "Partner name", f.name ? `contains “${f.name}”` : "any"],
    ["email", "Partner email", f.email ? `contains “${f.email}”` : "any"],
    [
      "tag",
      "Partner tag",
      f.tag.length
        ? `${f.tag_op === "any_of" ? "has one of" : "has none of"} ${names(f.tag, options.tags)}`
        : "is any",
    ],
    ["marketplace", "Is marketplace", f.marketplace],
    ["archived", "Is partnership archived", f.archived],
  ];
  return entries.map(([name, label, value]) => ({ name, label, value }));
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
    `Generated: ${isoInZone(scope.asOf, scope.timezone)} (${scope.timezone})`,
  ];
}
