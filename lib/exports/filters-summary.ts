import type { FilterOptions } from "../actions-tab/query/load-filter-options";
import type { TabScope } from "../actions-tab/query/tab-scope";
import { describeTimeframe } from "../actions-tab/timeframe";
import { isoInZone } from "../time/format";

/** What a file contains, in words: every applied filter, the concrete dates, zone and time. */
export function filtersSummary(
  scope: TabScope,
  options: FilterOptions,
  programName: string,
): string[] {
  const f = scope.filters;
  const names = (ids: number[], list: FilterOptions["groups"]) =>
    ids.map((id) => list.find((o) => o.id === id)?.label ?? `#${id}`).join(", ");
  const lines = [
    `Program: ${programName}`,
    `Timeframe: ${describeTimeframe(f.timeframe)} → ${scope.rangeDescription} (${scope.timezone})`,
    `Timescale: ${f.timescale}`,
    `Group name: ${f.group.length ? `${f.group_op === "include" ? "is one of" : "is not one of"} ${names(f.group, options.groups)}` : "is any"}`,
    `Partner manager name: ${f.manager.length ? `${f.manager_op === "include" ? "is one of" : "is not one of"} ${names(f.manager, options.managers)}` : "is any"}`,
    `Partner name: ${f.name ? `contains “${f.name}”` : "any"}`,
    `Partner email: ${f.email ? `contains “${f.email}”` : "any"}`,
    `Partner tag: ${f.tag.length ? `${f.tag_op === "any_of" ? "has one of" : "has none of"} ${names(f.tag, options.tags)}` : "is any"}`,
    `Is marketplace: ${f.marketplace}`,
    `Is partnership archived: ${f.archived}`,
    `Generated: ${isoInZone(scope.asOf, scope.timezone)} (${scope.timezone})`,
  ];
  return lines;
}
