import "server-only";
import type { DrillSelection } from "./url/search-params";
import {
  NEWEST_FIRST,
  type DrillCursor,
  type DrillOrder,
  type DrillRow,
  type Selection,
} from "./engine";
import type { TabScope } from "./scope";

export type { DrillRow, DrillOrder } from "./engine";

const DRILL_PAGE_SIZE = 50;

export interface DrillPage {
  rows: DrillRow[];
  /** Every matching action, across pages: equals the Occurrences number that was clicked. */
  total: number;
  /** Cursor of the next page in the list's order (older, newest first), or null on the last. */
  nextAfter: string | null;
  /** Cursor of the previous page (newer, newest first), or null on the first. */
  prevBefore: string | null;
}

/** What a page of the drill-down asks: the selection, its order, one keyset position or none. */
export type DrillRequest = Pick<DrillSelection, "partner" | "type" | "value" | "after"> &
  Partial<Pick<DrillSelection, "drill_sort" | "drill_dir" | "before">> &
  Omit<Selection, "partner" | "type" | "value">;

/** The order a request asks for (newest first unless it says otherwise). */
export function drillOrder(request: Partial<Pick<DrillSelection, "drill_sort" | "drill_dir">>) {
  return {
    sort: request.drill_sort ?? NEWEST_FIRST.sort,
    dir: request.drill_dir ?? NEWEST_FIRST.dir,
  } satisfies DrillOrder;
}

/** `<sort value>_<id>`: the position of a row in the order. */
function parseDrillCursor(text: string | null | undefined): DrillCursor | null {
  const match = text ? /^(\d{1,15})_(\d{1,19})$/.exec(text) : null;
  return match ? { value: Number(match[1]), id: BigInt(match[2]) } : null;
}

function sortValue(row: DrillRow, sort: DrillOrder["sort"]): number {
  if (sort === "time") return row.occurredAt.getTime();
  return sort === "value" ? row.actionValue : row.rewardCents;
}

/**
 * The actions behind an occurrence count in an order (newest first by default), keyset-paged on
 * (sort value, id) both ways so a deep page costs what the first does: `after` a row reads on,
 * `before` a row reads back (the reverse order, turned round). `withTotal: false` skips the count
 * (exports in batches).
 */
export async function getDrillDown(
  scope: TabScope,
  request: DrillRequest,
  pageSize = DRILL_PAGE_SIZE,
  withTotal = true,
): Promise<DrillPage> {
  const order = drillOrder(request);
  const after = parseDrillCursor(request.after);
  // `after` wins when a URL has both: it is what the "next" link writes.
  const before = after ? null : parseDrillCursor(request.before);
  const scan: DrillOrder = before ? { ...order, dir: order.dir === "asc" ? "desc" : "asc" } : order;
  const [rows, total] = await Promise.all([
    scope.engine.drillRows(scope, request, scan, after ?? before, pageSize + 1),
    withTotal ? scope.engine.drillTotal(scope, request) : Promise.resolve(-1),
  ]);
  const more = rows.length > pageSize;
  // Read back to the start: the first page, whole (a page size may have changed meanwhile).
  if (before && !more)
    return getDrillDown(scope, { ...request, before: null }, pageSize, withTotal);
  const page = rows.slice(0, pageSize);
  if (before) page.reverse();
  const cursor = (row: DrillRow | undefined) =>
    row ? `${sortValue(row, order.sort)}_${row.id}` : null;
  return {
    rows: page,
    total,
    // Reading on from a cursor, the rows before it remain (and after it, reading back).
    nextAfter: (before ? true : more) ? cursor(page[page.length - 1]) : null,
    prevBefore: (before ? more : after !== null) ? cursor(page[0]) : null,
  };
}
