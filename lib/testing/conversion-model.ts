// The plain-JavaScript model of a conversion (lib/stats/conversion/conversion.ts), written from
// its definition alone, for the property test to hold both engines against.
import {
  medianRank,
  p90Rank,
  withinMs,
  type ConversionCounts,
} from "../stats/conversion/conversion";
import type { InstantRange } from "../stats/timeframe/resolve-timeframe";
import type { ModelAction } from "./seed-random-world";
import type { KeyedConversionCounts } from "../stats/conversion/conversion";

export interface ModelConversionQuestion {
  fromTypeId: number;
  toTypeId: number;
  withinDays: number;
}

export interface ModelStart {
  action: ModelAction;
  converted: boolean;
  waitMs: number | null;
}

const inRange = (t: number, r: InstantRange) =>
  (r.start === null || t >= r.start) && (r.end === null || t < r.end);

/**
 * Each entity (a customer, or a partnership for partner actions) with an A in the range, from its
 * first such A (actions in insertion order, which is id order, break ties); `counts` is whether
 * an action counts at all (unarchived, passing the filters).
 */
export function modelConversionStarts(
  actions: ModelAction[],
  q: ModelConversionQuestion,
  range: InstantRange,
  counts: (a: ModelAction) => boolean,
): ModelStart[] {
  const live = actions.filter((a) => !a.archived && counts(a));
  const entity = (a: ModelAction) =>
    a.customerId === null ? `p${a.partnershipId}` : `c${a.customerId}`;
  const first = new Map<string, ModelAction>();
  for (const a of live) {
    if (a.typeId !== q.fromTypeId || !inRange(a.occurredAt, range)) continue;
    const seen = first.get(entity(a));
    if (!seen || a.occurredAt < seen.occurredAt) first.set(entity(a), a);
  }
  return [...first.entries()].map(([key, start]) => {
    const later = live
      .filter((b) => b.typeId === q.toTypeId && entity(b) === key)
      .map((b) => b.occurredAt - start.occurredAt)
      .filter((wait) => wait >= 0);
    const waitMs = later.length ? Math.min(...later) : null;
    return { action: start, waitMs, converted: waitMs !== null && waitMs <= withinMs(q) };
  });
}

/** The starts grouped by `keyOf` (0 for the total), sorted by key. */
export function modelConversionCounts(
  starts: ModelStart[],
  keyOf: (start: ModelAction) => number,
): ConversionCounts[] {
  const groups = new Map<number, ModelStart[]>();
  for (const s of starts) groups.set(keyOf(s.action), [...(groups.get(keyOf(s.action)) ?? []), s]);
  return [...groups.entries()]
    .map(([key, list]) => {
      const waits = list
        .filter((s) => s.converted)
        .map((s) => s.waitMs!)
        .sort((x, y) => x - y);
      return {
        key,
        starts: list.length,
        converted: waits.length,
        medianMs: waits.length ? waits[medianRank(waits.length) - 1] : null,
        p90Ms: waits.length ? waits[p90Rank(waits.length) - 1] : null,
      };
    })
    .sort((x, y) => x.key - y.key);
}

/** The model's starts grouped under keys (a start under each of its keys), sorted by key. */
export function modelKeyedConversionCounts(
  starts: ModelStart[],
  keysOf: (start: ModelAction) => string[],
): KeyedConversionCounts[] {
  const groups = new Map<string, ModelStart[]>();
  for (const s of starts)
    for (const key of keysOf(s.action)) groups.set(key, [...(groups.get(key) ?? []), s]);
  return [...groups.entries()]
    .map(([key, list]) => ({ ...modelConversionCounts(list, () => 0)[0], key }))
    .sort((x, y) => (x.key < y.key ? -1 : x.key > y.key ? 1 : 0));
}
