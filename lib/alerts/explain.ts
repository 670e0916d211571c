import "server-only";
import { NONE_KEY, type Breakdown } from "../stats/breakdown/breakdown";
import { MOVERS_BY, whatMoved, type Mover } from "../stats/what-moved";
import type { TabScope } from "../stats/scope";
import type { Period } from "./alert-periods";
import { VIEW_KEY, type AlertMetric, type AlertPer } from "./measure";

/** At most this many property names are weighed (each is one more grouped query). */
const PROPERTIES_WEIGHED = 3;

/**
 * What moved one key's number between the same period a week before and the checked one: for the
 * whole view, the partners, groups, types, tags and property values that changed most; for one
 * partner, its types, tags and property values; for one group, its partners, types, tags and
 * property values. Empty when nothing changed.
 */
export async function explainKey(
  scope: TabScope,
  per: AlertPer,
  key: string,
  period: Period,
  weekBefore: Period,
  /** A partner's key is its partner key: the partnership it names (null: none any more). */
  partnershipOf: (partnerKey: string) => Promise<number | null>,
  /** Rewards are explained by rewards; occurrences (of the view or one type) by occurrences. */
  metric: AlertMetric,
  /** Property names the program's actions carry: each is weighed too (its values as keys). */
  properties: readonly string[] = [],
): Promise<Mover[]> {
  // "No group": partners without one (no filter names them); nothing is told.
  if (per === "group" && key === NONE_KEY) return [];
  const partnershipId = per === "partner" ? await partnershipOf(key) : null;
  if (per === "partner" && partnershipId === null) return [];
  const within: TabScope = {
    ...scope,
    range: period,
    previous: weekBefore,
    compareShift: null,
    ...(partnershipId !== null && { partnershipId }),
    ...(per === "group" &&
      key !== VIEW_KEY && {
        filters: { ...scope.filters, group: [Number(key)], group_op: "include" as const },
      }),
  };
  // A partner is in one group: within a partner, its group explains nothing.
  const by: Breakdown[] = [
    ...MOVERS_BY.filter((b) => b.kind !== per && !(per === "partner" && b.kind === "group")),
    ...properties
      .slice(0, PROPERTIES_WEIGHED)
      .map((name) => ({ kind: "property" as const, key: name })),
  ];
  const moved = await whatMoved(
    within,
    undefined,
    by,
    metric === "rewards" ? "rewards" : "occurrences",
  );
  return moved?.movers ?? [];
}
