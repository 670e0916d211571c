import { chConst, chsql, type ChSql } from "../../analytics/ch-sql";
import { FILTERS, type Filter } from "../filters/filters";
import type { FilterTarget } from "../filters/kinds";
import { likePattern } from "../scope";
import type { ActionsTabFilters } from "../url/search-params";

// ClickHouse's one WHERE builder for the declared filters (lib/stats/filters/filters.ts), the twin
// of postgres/pg-filters.ts: a partner filter tests the `partnerships` table's columns
// (unaliased, inside a semi-join), an action filter the action (alias `a`).

function columnName(target: FilterTarget, name: string): string {
  if (!/^[a-z_]+$/.test(name)) throw new Error(`filter column ${name} is not a plain name`);
  return target === "action" ? `a.${name}` : name;
}
const column = (target: FilterTarget, name: string) => chConst(columnName(target, name));

function condition(filter: Filter, f: ActionsTabFilters): ChSql | null {
  if (filter.kind === "text") {
    const text = f[filter.key];
    if (!text) return null;
    const columns = filter.columns.map((c) => columnName(filter.target, c));
    const value = chConst(columns.length === 1 ? columns[0] : `concat(${columns.join(", ' ', ")})`);
    return chsql`${value} ILIKE ${likePattern(text)}`;
  }
  if (filter.kind === "flag") {
    const value = f[filter.key];
    if (value === "any") return null;
    return chsql`${column(filter.target, filter.column.clickhouse)} = ${value === "yes" ? 1 : 0}`;
  }
  if (filter.kind === "property") {
    const { key, values } = f[filter.key];
    if (!key || !values.length) return null;
    // A missing key reads as "", which is never a value (values are not empty).
    const has = chsql`has(${values}, a.properties[${key}])`;
    return f[filter.opKey] === "include" ? has : chsql`NOT ${has}`;
  }
  const ids = f[filter.key];
  if (!ids.length) return null;
  const include = f[filter.opKey] === filter.opValues[0];
  const c = filter.column;
  if ("set" in c) {
    const has = chsql`hasAny(${column(filter.target, c.set.clickhouse)}, ${ids})`;
    return include ? has : chsql`NOT ${has}`;
  }
  const col = column(filter.target, c.column);
  if (include) return chsql`has(${ids}, ${col})`;
  // ClickHouse stores "none" as 0.
  return c.nullable
    ? chsql`(${col} = 0 OR NOT has(${ids}, ${col}))`
    : chsql`NOT has(${ids}, ${col})`;
}

/** The filters in force on one target as conditions (none when nothing is set). */
export function chFilterConditions(f: ActionsTabFilters, target: FilterTarget): ChSql[] {
  return FILTERS.filter((filter) => filter.target === target).flatMap((filter) => {
    const c = condition(filter, f);
    return c ? [c] : [];
  });
}
