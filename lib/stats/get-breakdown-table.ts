import "server-only";
import { keyLabels, shownKeyLabel, type Breakdown } from "./breakdown/breakdown";
import type { BreakdownRow } from "./engine";
import { TABLE_PAGE_SIZE } from "./get-occurrence-table";
import type { TabScope } from "./scope";
import type { TableState } from "./url/search-params";

export interface BreakdownTable {
  by: Breakdown;
  /** Each row with the label it is shown with ("No manager", a group's name…). */
  rows: BreakdownRow[];
  totalRows: number;
  page: number;
  pageCount: number;
}

/**
 * The table grouped by a breakdown (`rows_by`): a row per group, manager, tag… with its
 * occurrences and rewards (and the compared period's), sorted as asked — the label for the text
 * sorts, ties by key. `limit: null` returns every row.
 */
export async function getBreakdownTable(
  scope: TabScope,
  by: Breakdown,
  table: Pick<TableState, "sort" | "dir" | "page">,
  limit: number | null = TABLE_PAGE_SIZE,
): Promise<BreakdownTable> {
  const page = Math.max(1, table.page);
  const labels = keyLabels(by, scope.lists);
  const { rows, totalRows } = await scope.engine.breakdownRows(
    scope,
    by,
    labels,
    table,
    page,
    limit,
  );
  return {
    by,
    rows: rows.map((r) => ({ ...r, label: shownKeyLabel(by, r.key, r.label) })),
    totalRows,
    page,
    pageCount: limit === null ? 1 : Math.max(1, Math.ceil(totalRows / limit)),
  };
}
