import "server-only";
import { cache } from "react";
import type { SummaryNumbers } from "./engine";
import type { TabScope } from "./scope";

export type { SummaryNumbers } from "./engine";

export interface Summary {
  current: SummaryNumbers;
  /** The previous equal period, or null when the timeframe has none. */
  previous: SummaryNumbers | null;
}

/**
 * The number tiles (and the table's totals row): current period and the one before. Cached per
 * request and scope, so the tiles and the totals row share one computation.
 */
export const getSummary = cache(async (scope: TabScope): Promise<Summary> => {
  const [current, previous] = await Promise.all([
    scope.engine.summaryNumbers(scope, scope.range),
    scope.previous ? scope.engine.summaryNumbers(scope, scope.previous) : Promise.resolve(null),
  ]);
  return { current, previous };
});
