import "server-only";
import {
  breakdownLabel,
  NONE_KEY,
  serializeBreakdown,
  type Breakdown,
} from "./breakdown/breakdown";
import { getBreakdownTable } from "./get-breakdown-table";
import { getSummary, type Summary } from "./get-summary";
import type { TabScope } from "./scope";

/** The dimensions a change is explained by, in the order ties are shown. */
export const MOVERS_BY: Breakdown[] = [
  { kind: "partner" },
  { kind: "group" },
  { kind: "type" },
  { kind: "tag" },
];

/** How many of each dimension's keys are weighed, and how many drivers are told. */
const PER_DIMENSION = 3;
const TOLD = 5;

/** The number a change is explained for: occurrences, or rewards in the program's currency. */
export type MovedMetric = "occurrences" | "rewards";

export interface Mover {
  by: Breakdown;
  /** "Partner", "Partner group", …: what the key is. */
  byLabel: string;
  key: string;
  label: string;
  occurrences: number;
  previousOccurrences: number;
  /** The metric's number now and in the period compared with (occurrences by default). */
  value: number;
  previousValue: number;
  /** value − previousValue. */
  change: number;
  /** The key's share of the whole view's change (0–1 for a key moving the same way). */
  share: number;
}

export interface WhatMoved {
  occurrences: number;
  previousOccurrences: number;
  /** The metric's change (occurrences by default). */
  change: number;
  /** The keys whose change explains most of the view's, largest share first (same direction). */
  movers: Mover[];
}

/**
 * What moved the view's occurrences (or rewards) against the period compared with: per
 * dimension (partner, group, type, tag), the keys that changed most in the direction of the whole
 * view's change, and each one's share of that change — what an alert says beside its number.
 * Null when nothing is compared or nothing changed. Both engines answer it (the grouped table's
 * compared columns).
 */
export async function whatMoved(
  scope: TabScope,
  /** The view's tiles when the caller has them already (else read here). */
  summary?: Promise<Summary>,
  by = MOVERS_BY,
  metric: MovedMetric = "occurrences",
): Promise<WhatMoved | null> {
  if (!scope.previous) return null;
  const { current, previous } = await (summary ?? getSummary(scope));
  if (!previous) return null;
  const valueOf = (occurrences: number, rewardCents: number) =>
    metric === "rewards" ? rewardCents / 100 : occurrences;
  const change =
    valueOf(current.occurrences, current.rewardCents) -
    valueOf(previous.occurrences, previous.rewardCents);
  if (change === 0) return null;
  // Up: the largest increases first; down: the largest decreases.
  const order = {
    sort: metric === "rewards" ? ("rewards_change" as const) : ("occurrences_change" as const),
    dir: change > 0 ? "desc" : "asc",
    page: 1,
  } as const;
  const tables = await Promise.all(
    by.map((b) => getBreakdownTable(scope, b, order, PER_DIMENSION)),
  );
  const movers: Mover[] = tables.flatMap((table) =>
    table.rows
      .map((row) => {
        const before = valueOf(row.previousOccurrences ?? 0, row.previousRewardCents ?? 0);
        const after = valueOf(row.occurrences, row.rewardCents);
        return {
          by: table.by,
          byLabel: breakdownLabel(table.by),
          key: row.key,
          label: row.label,
          occurrences: row.occurrences,
          previousOccurrences: row.previousOccurrences ?? 0,
          value: after,
          previousValue: before,
          change: after - before,
          share: (after - before) / change,
        };
      })
      // "No tag", "No manager": an absence explains nothing.
      .filter((m) => m.share > 0 && m.key !== NONE_KEY),
  );
  // Ties in the order the dimensions were asked for.
  const rank = (m: Mover) =>
    by.findIndex((d) => serializeBreakdown(d) === serializeBreakdown(m.by));
  movers.sort((a, b) => b.share - a.share || rank(a) - rank(b));
  return {
    occurrences: current.occurrences,
    previousOccurrences: previous.occurrences,
    change,
    movers: movers.slice(0, TOLD),
  };
}
