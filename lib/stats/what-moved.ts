import "server-only";
import { breakdownLabel, NONE_KEY, type Breakdown } from "./breakdown/breakdown";
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

export interface Mover {
  by: Breakdown;
  /** "Partner", "Partner group", …: what the key is. */
  byLabel: string;
  key: string;
  label: string;
  occurrences: number;
  previousOccurrences: number;
  /** occurrences − previousOccurrences. */
  change: number;
  /** The key's share of the whole view's change (0–1 for a key moving the same way). */
  share: number;
}

export interface WhatMoved {
  occurrences: number;
  previousOccurrences: number;
  change: number;
  /** The keys whose change explains most of the view's, largest share first (same direction). */
  movers: Mover[];
}

/**
 * What moved the view's occurrences against the period compared with: per dimension (partner,
 * group, type, tag), the keys that changed most in the direction of the whole view's change, and
 * each one's share of that change — what an alert says beside its number. Null when nothing is
 * compared or nothing changed. Both engines answer it (the grouped table's compared columns).
 */
export async function whatMoved(
  scope: TabScope,
  /** The view's tiles when the caller has them already (else read here). */
  summary?: Promise<Summary>,
  by = MOVERS_BY,
): Promise<WhatMoved | null> {
  if (!scope.previous) return null;
  const { current, previous } = await (summary ?? getSummary(scope));
  if (!previous) return null;
  const change = current.occurrences - previous.occurrences;
  if (change === 0) return null;
  // Up: the largest increases first; down: the largest decreases.
  const order = {
    sort: "occurrences_change" as const,
    dir: change > 0 ? "desc" : "asc",
    page: 1,
  } as const;
  const tables = await Promise.all(
    by.map((b) => getBreakdownTable(scope, b, order, PER_DIMENSION)),
  );
  const movers: Mover[] = tables.flatMap((table) =>
    table.rows
      .map((row) => {
        const before = row.previousOccurrences ?? 0;
        const moved = row.occurrences - before;
        return {
          by: table.by,
          byLabel: breakdownLabel(table.by),
          key: row.key,
          label: row.label,
          occurrences: row.occurrences,
          previousOccurrences: before,
          change: moved,
          share: moved / change,
        };
      })
      // "No tag", "No manager": an absence explains nothing.
      .filter((m) => m.share > 0 && m.key !== NONE_KEY),
  );
  movers.sort(
    (a, b) =>
      b.share - a.share ||
      MOVERS_BY.findIndex((d) => d.kind === a.by.kind) -
        MOVERS_BY.findIndex((d) => d.kind === b.by.kind),
  );
  return {
    occurrences: current.occurrences,
    previousOccurrences: previous.occurrences,
    change,
    movers: movers.slice(0, TOLD),
  };
}
