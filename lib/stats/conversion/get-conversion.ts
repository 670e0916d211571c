import "server-only";
import type { PrismaClient } from "../../generated/prisma/client";
import type { FilterOption } from "../filters/load-filter-options";
import type { TabScope } from "../scope";
import { keyLabels, shownKeyLabel } from "../breakdown/breakdown";
import {
  conversionBreakdownOf,
  conversionRate,
  type ConversionCounts,
  type ConversionQuestion,
} from "./conversion";
import type { ConversionSort } from "./conversion-params";

/** A row of the conversion table: a partnership (by key, name, email) or a partner group. */
export interface ConversionRow extends ConversionCounts {
  label: string;
  /** The partner's email; null for a group. */
  email: string | null;
  /** The partner's key (the drill-down's `partner`); null for a group. */
  partnerKey: string | null;
  /** Under a keyed breakdown (manager, tag…): the row's key (the drill-down's `by_key`). */
  byKey: string | null;
}

export interface Conversion {
  total: ConversionCounts;
  rows: ConversionRow[];
}

/**
 * A conversion in the scope's filters and timeframe: the total and one row per partner or group
 * (labels read once into a Map), sorted as asked.
 */
export async function getConversion(
  scope: TabScope,
  prisma: PrismaClient,
  question: ConversionQuestion,
  token: string,
  groups: FilterOption[],
  order: { sort: ConversionSort; dir: "asc" | "desc" },
): Promise<Conversion> {
  const by = conversionBreakdownOf(token) ?? "partner";
  if (typeof by !== "string") {
    const [{ total }, keyed] = await Promise.all([
      scope.engine.conversionCounts(scope, question, "total"),
      scope.engine.conversionByKey(scope, question, by),
    ]);
    const listed = new Map(keyLabels(by, scope.lists));
    const rows = keyed
      .sort((x, y) => (x.key < y.key ? -1 : x.key > y.key ? 1 : 0))
      .map((c, i) => ({
        ...c,
        key: i + 1,
        label: shownKeyLabel(by, c.key, listed.get(c.key) ?? ""),
        email: null,
        partnerKey: null,
        byKey: c.key,
      }));
    return { total, rows: sortConversionRows(rows, order.sort, order.dir) };
  }
  const { total, rows: counts } = await scope.engine.conversionCounts(scope, question, by);
  let rows: ConversionRow[];
  if (by === "group") {
    const names = new Map(groups.map((g) => [g.id, g.label]));
    rows = counts.map((c) => ({
      ...c,
      label: names.get(c.key) ?? `Group ${c.key}`,
      email: null,
      partnerKey: null,
      byKey: null,
    }));
  } else {
    const partners = await prisma.partnership.findMany({
      where: { programId: scope.programId, id: { in: counts.map((c) => c.key) } },
      select: { id: true, partnerKey: true, firstName: true, lastName: true, email: true },
    });
    const byId = new Map(partners.map((p) => [p.id, p]));
    rows = counts.map((c) => {
      const p = byId.get(c.key);
      return {
        ...c,
        label: p ? `${p.firstName} ${p.lastName}`.trim() || p.partnerKey : `Partner ${c.key}`,
        email: p?.email ?? null,
        partnerKey: p?.partnerKey ?? null,
        byKey: null,
      };
    });
  }
  return { total, rows: sortConversionRows(rows, order.sort, order.dir) };
}

const VALUE: Record<Exclude<ConversionSort, "name">, (r: ConversionRow) => number | null> = {
  starts: (r) => r.starts,
  converted: (r) => r.converted,
  rate: (r) => conversionRate(r),
  median: (r) => r.medianMs,
  p90: (r) => r.p90Ms,
};

/** Rows in an order; rows without a value (no conversion) last either way, ties by name and id. */
export function sortConversionRows(
  rows: ConversionRow[],
  sort: ConversionSort,
  dir: "asc" | "desc",
): ConversionRow[] {
  const sign = dir === "asc" ? 1 : -1;
  const byName = (a: ConversionRow, b: ConversionRow) =>
    a.label < b.label ? -1 : a.label > b.label ? 1 : a.key - b.key;
  return [...rows].sort((a, b) => {
    if (sort === "name") return sign * byName(a, b);
    const x = VALUE[sort](a);
    const y = VALUE[sort](b);
    if (x === null || y === null) return x === y ? byName(a, b) : x === null ? 1 : -1;
    return x === y ? byName(a, b) : sign * (x - y);
  });
}
