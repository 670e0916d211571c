import "server-only";
import { cache } from "react";
import { getPrisma } from "../../db/client";
import type { InstantRange } from "../resolve-timeframe";
import { matchingActions, type TabScope } from "./tab-scope";

export interface SummaryNumbers {
  occurrences: number;
  totalValue: number;
  rewardCents: number;
  partners: number;
  customers: number;
}

export interface Summary {
  current: SummaryNumbers;
  /** The previous equal period, or null when the timeframe has none. */
  previous: SummaryNumbers | null;
}

async function numbers(scope: TabScope, range: InstantRange): Promise<SummaryNumbers> {
  const prisma = await getPrisma();
  const { from, where } = matchingActions(scope, range);
  const [row] = await prisma.$queryRaw<Record<keyof SummaryNumbers, bigint | number | null>[]>`
    SELECT count(*) AS "occurrences", COALESCE(sum(a.value), 0) AS "totalValue",
           COALESCE(sum(a.reward_cents), 0) AS "rewardCents",
           count(DISTINCT a.partnership_id) AS "partners", count(DISTINCT a.customer_id) AS "customers"
    FROM ${from} WHERE ${where}`;
  return {
    occurrences: Number(row.occurrences),
    totalValue: Number(row.totalValue),
    rewardCents: Number(row.rewardCents),
    partners: Number(row.partners),
    customers: Number(row.customers),
  };
}

/**
 * The number tiles (and the table's totals row): current period and the one before. Cached per
 * request and scope, so the tiles and the totals row share one computation.
 */
export const getSummary = cache(async (scope: TabScope): Promise<Summary> => {
  const [current, previous] = await Promise.all([
    numbers(scope, scope.range),
    scope.previous ? numbers(scope, scope.previous) : Promise.resolve(null),
  ]);
  return { current, previous };
});
