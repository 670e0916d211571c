import type { FilterOption } from "../filters/load-filter-options";
import type { ConversionSelection } from "./conversion";
import { serializeConversion } from "./conversion-params";

/** The drill-down's words for a conversion's starting actions. */
export function describeConversionSelection(c: ConversionSelection, groups: FilterOption[]) {
  const days = `${c.withinDays} day${c.withinDays === 1 ? "" : "s"}`;
  const group =
    c.group === null
      ? ""
      : ` in group ${groups.find((g) => g.id === c.group)?.label ?? `#${c.group}`}`;
  return `First ${c.from} actions${group} ${c.converted ? "followed" : "not followed"} by ${c.to} within ${days}`;
}

/** The conversion view a drill-down of its starting actions came from. */
export function conversionBackHref(path: string, filterQuery: string, c: ConversionSelection) {
  const own = serializeConversion({ from: c.from, to: c.to, within: c.withinDays }).slice(1);
  return `${path}?${[filterQuery, own].filter(Boolean).join("&")}`;
}
