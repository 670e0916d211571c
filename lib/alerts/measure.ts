import "server-only";
import { keyLabels, type Breakdown } from "../stats/breakdown/breakdown";
import type { TabScope } from "../stats/scope";
import type { ActionsTabFilters } from "../stats/url/search-params";
import type { Period } from "./alert-periods";

export type AlertMetric = "occurrences" | "rewards" | "type";
export type AlertPer = "view" | "partner" | "group";

/** The key of an alert on the whole view (it has one number). */
export const VIEW_KEY = "";

export interface AlertTarget {
  metric: AlertMetric;
  actionTypeId: number | null;
  per: AlertPer;
}

const BY: Record<Exclude<AlertPer, "view">, Breakdown> = {
  partner: { kind: "partner" },
  group: { kind: "group" },
};

/**
 * The view's scope counting what the alert counts: one action type's occurrences narrow the
 * view's own type filter to that type (null: the view leaves that type out, so it counts none).
 */
export function targetScope(scope: TabScope, target: AlertTarget): TabScope | null {
  if (target.metric !== "type" || target.actionTypeId === null) return scope;
  if (!viewCountsType(scope.filters, target.actionTypeId)) return null;
  return {
    ...scope,
    filters: { ...scope.filters, action_type: [target.actionTypeId], action_type_op: "include" },
  };
}

/** Whether a view's action type filter lets a type's actions through. */
export function viewCountsType(
  filters: Pick<ActionsTabFilters, "action_type" | "action_type_op">,
  typeId: number,
): boolean {
  const listed = filters.action_type.includes(typeId);
  return filters.action_type.length === 0 || (filters.action_type_op === "include") === listed;
}

/** Rewards in the program's currency (the tiles' amount), occurrences as counted. */
const valueOf = (metric: AlertMetric, n: { occurrences: number; rewardCents: number }) =>
  metric === "rewards" ? n.rewardCents / 100 : n.occurrences;

/**
 * The alert's number over a period, per key: one for the whole view, or one per partner or group
 * with any matching action in it (labels as the table shows them). Both engines answer it.
 */
export async function measure(
  scope: TabScope | null,
  target: AlertTarget,
  period: Period,
): Promise<Map<string, { label: string; value: number }>> {
  const values = new Map<string, { label: string; value: number }>();
  const range = { start: period.start, end: period.end };
  if (!scope) {
    if (target.per === "view") values.set(VIEW_KEY, { label: "The whole view", value: 0 });
    return values;
  }
  const over: TabScope = { ...scope, range, previous: null, compareShift: null };
  if (target.per === "view") {
    const n = await scope.engine.summaryNumbers(over, range);
    values.set(VIEW_KEY, { label: "The whole view", value: valueOf(target.metric, n) });
    return values;
  }
  const by = BY[target.per];
  const { rows } = await scope.engine.breakdownRows(
    over,
    by,
    keyLabels(by, scope.lists),
    { sort: "occurrences", dir: "desc" },
    1,
    null,
  );
  for (const row of rows) {
    values.set(row.key, { label: row.label, value: valueOf(target.metric, row) });
  }
  return values;
}
