import { Prisma } from "../../generated/prisma/client";
import { FILTERS, type Filter } from "../filters/filters";
import type { FilterTarget } from "../filters/kinds";
import { likePattern } from "../scope";
import type { ActionsTabFilters } from "../url/search-params";

// PostgreSQL's one WHERE builder for the declared filters (lib/stats/filters/filters.ts): a
// partner filter tests the partnership (alias `p`), an action filter the action (alias `a`).

const ALIAS: Record<FilterTarget, string> = { partner: "p", action: "a" };

/** A declared column name as SQL (declarations are constants; the check keeps them plain). */
function column(target: FilterTarget, name: string): Prisma.Sql {
  if (!/^[a-z_]+$/.test(name)) throw new Error(`filter column ${name} is not a plain name`);
  return Prisma.raw(`${ALIAS[target]}.${name}`);
}

function condition(filter: Filter, f: ActionsTabFilters): Prisma.Sql | null {
  if (filter.kind === "text") {
    const text = f[filter.key];
    if (!text) return null;
    const columns = filter.columns.map((c) => column(filter.target, c));
    const value =
      columns.length === 1 ? columns[0] : Prisma.sql`(${Prisma.join(columns, " || ' ' || ")})`;
    return Prisma.sql`${value} ILIKE ${likePattern(text)}`;
  }
  if (filter.kind === "flag") {
    const value = f[filter.key];
    if (value === "any") return null;
    const pg = filter.column.postgres;
    if ("setAt" in pg)
      return Prisma.sql`${column(filter.target, pg.setAt)} ${Prisma.raw(value === "yes" ? "IS NOT NULL" : "IS NULL")}`;
    return Prisma.sql`${column(filter.target, pg.column)} = ${value === "yes"}`;
  }
  if (filter.kind === "property") {
    const { key, values } = f[filter.key];
    if (!key || !values.length) return null;
    // `->>` reads numbers and booleans as text (5 → "5"), as ClickHouse's copy stores them.
    const value = Prisma.sql`(a.properties ->> ${key})`;
    // One parameter per value: the CSV's COPY inlines parameters, and arrays do not inline.
    const list = Prisma.join(values);
    return f[filter.opKey] === "include"
      ? Prisma.sql`${value} IN (${list})`
      : Prisma.sql`(${value} IS NULL OR ${value} NOT IN (${list}))`;
  }
  const ids = f[filter.key];
  if (!ids.length) return null;
  const include = f[filter.opKey] === filter.opValues[0];
  const list = Prisma.join(ids);
  const c = filter.column;
  if ("set" in c) {
    // A partnership's set of ids is a link table keyed by the partnership.
    const { table, column: key } = c.set.postgres;
    if (!/^[a-z_]+$/.test(table + key)) throw new Error(`filter set ${table}.${key} is not plain`);
    const has = Prisma.sql`EXISTS (SELECT 1 FROM ${Prisma.raw(table)} x WHERE x.program_id = p.program_id
      AND x.partnership_id = p.id AND x.${Prisma.raw(key)} IN (${list}))`;
    return include ? has : Prisma.sql`NOT ${has}`;
  }
  const col = column(filter.target, c.column);
  if (include) return Prisma.sql`${col} IN (${list})`;
  return c.nullable
    ? Prisma.sql`(${col} IS NULL OR ${col} NOT IN (${list}))`
    : Prisma.sql`${col} NOT IN (${list})`;
}

/** The filters in force on one target as conditions (none when nothing is set). */
export function pgFilterConditions(f: ActionsTabFilters, target: FilterTarget): Prisma.Sql[] {
  return FILTERS.filter((filter) => filter.target === target).flatMap((filter) => {
    const c = condition(filter, f);
    return c ? [c] : [];
  });
}
