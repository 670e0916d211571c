import "server-only";
import type { TableState } from "./url/search-params";
import type { OccurrenceRow } from "./engine";
import type { TabScope } from "./scope";

export type { OccurrenceRow } from "./engine";

export const TABLE_PAGE_SIZE = 25;

interface OccurrenceTable {
  rows: OccurrenceRow[];
  /** Rows in the whole filtered set (every page). */
  totalRows: number;
  page: number;
  pageCount: number;
}

/**
 * Occurrences per partner, action type and action value, with the rewards those actions made,
 * sorted as asked (ties broken by partner key, type, value). `limit: null` returns every row.
 */
export async function getOccurrenceTable(
  scope: TabScope,
  table: Pick<TableState, "sort" | "dir" | "page">,
  limit: number | null = TABLE_PAGE_SIZE,
): Promise<OccurrenceTable> {
  const page = Math.max(1, table.page);
  const { rows, totalRows } = await scope.engine.occurrencePage(scope, table, page, limit);
  return {
    rows,
    totalRows,
    page,
    pageCount: limit === null ? 1 : Math.max(1, Math.ceil(totalRows / limit)),
  };
}
