import { breakdownLabel, parseBreakdown, type Breakdown } from "../breakdown/breakdown";
// Conversion between two action types: the question, the answer's shape and the exact
// percentile ranks both engines and the tests' model share (docs/architecture/statistics.md).

/** The longest window a conversion may ask for, in days. */
export const MAX_WITHIN_DAYS = 3650;
export const DAY_MS = 86_400_000;

/** From type A (`from`) to type B (`to`) within N × 24 hours (`withinDays`); types by name. */
export interface ConversionQuestion {
  from: string;
  to: string;
  withinDays: number;
}

export const CONVERSION_BREAKDOWNS = ["partner", "group"] as const;
export type ConversionBreakdown = (typeof CONVERSION_BREAKDOWNS)[number];
/** How the starting entities are grouped: all together, by the partnership of their start, by its group now. */
export type ConversionBy = "total" | ConversionBreakdown;

/** One group of starting entities: a partnership id, a group id, or 0 for the total. */
export interface ConversionCounts {
  key: number;
  /** Entities with an A in the timeframe (each counted once, from its first such A). */
  starts: number;
  /** Those with a B at or after that A and no later than N days after it. */
  converted: number;
  /** Lower nearest-rank median and p90 of the converted entities' time to convert, ms. */
  medianMs: number | null;
  p90Ms: number | null;
}

/** One group of starting entities under another breakdown (`breakdown/breakdown.ts`'s key). */
export type KeyedConversionCounts = Omit<ConversionCounts, "key"> & { key: string };

/** An integer as an engine's driver answers it: bigint (PostgreSQL), number or text (ClickHouse). */
type EngineInteger = bigint | number | string;

/** A group's numbers as both engines' statements name them (starts, converted, median, p90). */
export interface ConversionAggregateRow {
  starts: EngineInteger;
  converted: EngineInteger;
  median: EngineInteger | null;
  p90: EngineInteger | null;
}

export function conversionCountsOf(r: ConversionAggregateRow) {
  return {
    starts: Number(r.starts),
    converted: Number(r.converted),
    medianMs: r.median === null ? null : Number(r.median),
    p90Ms: r.p90 === null ? null : Number(r.p90),
  };
}

/**
 * The breakdowns of a conversion beyond partner and group: a partnership attribute of the start
 * (manager, tag — a start counts under each tag of its partnership —, marketplace) or a property
 * of the starting action. Not the action type: every start is of type A.
 */
export const KEYED_CONVERSION_KINDS = ["manager", "tag", "marketplace", "property"] as const;

/**
 * A conversion's breakdown token in its URL (`by=`): partner, group, or a keyed kind (`manager`,
 * `tag`, `marketplace`, `property:<name>`).
 */
export type ConversionByToken = ConversionBreakdown | string;

/** A token as partner, group or the keyed breakdown it names; null when it names none. */
export function conversionBreakdownOf(token: string): ConversionBreakdown | Breakdown | null {
  if (token === "partner" || token === "group") return token;
  const b = parseBreakdown(token);
  return b && (KEYED_CONVERSION_KINDS as readonly string[]).includes(b.kind) ? b : null;
}

/** What a conversion's label column is called: "Partner", "Partner group", "Partner tag"… */
export function conversionByLabel(token: string): string {
  const by = conversionBreakdownOf(token) ?? "partner";
  if (by === "partner") return "Partner";
  if (by === "group") return "Partner group";
  return breakdownLabel(by);
}

/** A conversion's answer: the total, and one row per partner or group (none for the total alone). */
export interface ConversionTotals {
  total: ConversionCounts;
  rows: ConversionCounts[];
}

export const NO_STARTS: ConversionCounts = {
  key: 0,
  starts: 0,
  converted: 0,
  medianMs: null,
  p90Ms: null,
};

/** An engine's rows, the total among them, as the total and the breakdown's rows (by key). */
export function splitTotal<R extends ConversionCounts>(
  rows: R[],
  isTotal: (row: R) => boolean,
  by: ConversionBy,
): ConversionTotals {
  const strip = ({ key, starts, converted, medianMs, p90Ms }: R): ConversionCounts => ({
    key,
    starts,
    converted,
    medianMs,
    p90Ms,
  });
  const total = rows.find(isTotal);
  const others = by === "total" ? [] : rows.filter((r) => !isTotal(r)).map(strip);
  return {
    total: total ? { ...strip(total), key: 0 } : NO_STARTS,
    rows: others.sort((x, y) => x.key - y.key),
  };
}

/**
 * The drill-down's conversion selection: the starting actions of a conversion that did (or did
 * not) convert, optionally of one partner group (a partner is the drill-down's `partner`).
 */
export interface ConversionSelection extends ConversionQuestion {
  converted: boolean;
  group: number | null;
}

/** The drill-down's URL keys that select a conversion's starting actions. */
export type ConversionDrillKey = "from" | "to" | "within" | "converted" | "in_group";
export const DEFAULT_WITHIN_DAYS = 30;

/** The conversion a drill-down selection names, or null (not a conversion's drill-down). */
export function selectedConversion(
  s: Partial<{
    from: string | null;
    to: string | null;
    within: number | null;
    converted: "yes" | "no" | null;
    in_group: number | null;
  }>,
): ConversionSelection | null {
  if (!s.from || !s.to || !s.converted) return null;
  return {
    from: s.from,
    to: s.to,
    withinDays: s.within ?? DEFAULT_WITHIN_DAYS,
    converted: s.converted === "yes",
    group: s.in_group ?? null,
  };
}

/** 1-based rank of the lower nearest-rank median of n sorted values: ⌈n/2⌉. */
export const medianRank = (n: number) => Math.floor((n + 1) / 2);
/** 1-based rank of the nearest-rank 90th percentile of n sorted values: ⌈9n/10⌉. */
export const p90Rank = (n: number) => Math.floor((9 * n + 9) / 10);

export const withinMs = (q: Pick<ConversionQuestion, "withinDays">) => q.withinDays * DAY_MS;

/** Converted / starts as a fraction, null when nothing started. */
export const conversionRate = (c: Pick<ConversionCounts, "starts" | "converted">) =>
  c.starts === 0 ? null : c.converted / c.starts;
