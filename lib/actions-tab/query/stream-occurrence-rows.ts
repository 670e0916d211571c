import "server-only";
import type { OccurrenceRow } from "./tab-engine";
import type { TabScope } from "./tab-scope";

/**
 * Every row of the occurrences table in (partnership, action type, value) order, in batches:
 * for exports that must not hold the whole table in memory.
 */
export function streamOccurrenceRows(scope: TabScope): AsyncGenerator<OccurrenceRow[]> {
  return scope.engine.occurrenceBatches(scope);
}
