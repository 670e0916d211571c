import "server-only";
import type { DrillSelection } from "./url/search-params";
import type { DrillCursor, DrillRow } from "./engine";
import type { TabScope } from "./scope";

export type { DrillRow } from "./engine";

const DRILL_PAGE_SIZE = 50;

export interface DrillPage {
  rows: DrillRow[];
  /** Every matching action, across pages: equals the Occurrences number that was clicked. */
  total: number;
  /** Cursor of the next (older) page, or null on the last page. */
  nextAfter: string | null;
}

/** `<occurred_at ms>_<id>`: the position of the last row shown. */
function parseDrillCursor(after: string | null): DrillCursor | null {
  const match = after ? /^(\d{1,15})_(\d{1,19})$/.exec(after) : null;
  return match ? { at: Number(match[1]), id: BigInt(match[2]) } : null;
}

/**
 * The actions behind an occurrence count, newest first, keyset-paged on (occurred_at, id) so a
 * deep page costs what the first does. `withTotal: false` skips the count (exports in batches).
 */
export async function getDrillDown(
  scope: TabScope,
  selection: Pick<DrillSelection, "partner" | "type" | "value" | "after">,
  pageSize = DRILL_PAGE_SIZE,
  withTotal = true,
): Promise<DrillPage> {
  const cursor = parseDrillCursor(selection.after);
  const [rows, total] = await Promise.all([
    scope.engine.drillRows(scope, selection, cursor, pageSize + 1),
    withTotal ? scope.engine.drillTotal(scope, selection) : Promise.resolve(-1),
  ]);
  const page = rows.slice(0, pageSize);
  const last = page[page.length - 1];
  return {
    rows: page,
    total,
    nextAfter: rows.length > pageSize && last ? `${last.occurredAt.getTime()}_${last.id}` : null,
  };
}
