// Everything the Actions tab shows for one scope, read through the query module and the export
// code exactly as the page, the drill-down and the downloads read it: a plain object, so two
// engines' answers can be compared whole.
import { countNewActions } from "../stats/count-new-actions";
import { getDrillDown, type DrillPage, type DrillRequest } from "../stats/get-drill-down";
import { getOccurrenceTable } from "../stats/get-occurrence-table";
import { getSeries } from "../stats/get-series";
import { getSummary } from "../stats/get-summary";
import type { Selection } from "../stats/engine";
import type { TabScope } from "../stats/scope";
import type { TableState } from "../stats/url/search-params";
import Papa from "papaparse";
import { csvStream, neutralizeCell } from "../exports/csv";
import { csvParts, EXPORT_TILES, tileExport, type ExportContext } from "../exports/tile-exports";

interface ReadPlan {
  sorts: Pick<TableState, "sort" | "dir">[];
  /** A table row to drill into (and export), or null when the table is empty. */
  row: Selection | null;
  /** "New actions" received after this instant. */
  since: number;
  currency: string;
  ruleNames: Map<number, string>;
}

/** Small pages, so a few dozen rows already span several. */
const TABLE_LIMIT = 4;
const DRILL_PAGE = 3;
const KEYSET_PAGE = 2;
const MAX_KEYSET_PAGES = 25;

const OTHER_ORDERS = [
  ["time", "asc"],
  ["value", "desc"],
  ["reward", "asc"],
] as const;

const NONE: Selection = { partner: null, type: null, value: null };

/** Pages of a drill-down by keyset; the total (shown on every page) is compared on the first. */
async function drillPages(
  scope: TabScope,
  selection: Omit<DrillRequest, "after">,
  size: number,
  max: number,
) {
  const pages: DrillPage[] = [];
  let after: string | null = null;
  do {
    const page: DrillPage = await getDrillDown(scope, { ...selection, after }, size, !after);
    pages.push(page);
    after = page.nextAfter;
  } while (after && pages.length < max);
  return pages;
}

/**
 * A download's cells (CSV is UTF-8). Cells, not bytes: each engine writes its own CSV (COPY quotes
 * only where needed, ClickHouse quotes all text), and both read back the same.
 */
async function csvCells(tile: (typeof EXPORT_TILES)[number], ctx: ExportContext) {
  const exp = await tileExport(tile, ctx);
  const text = await new Response(csvStream(exp.csvHeader, csvParts(exp))).text();
  return Papa.parse<string[]>(text, { skipEmptyLines: true }).data;
}

export async function readTab(scope: TabScope, plan: ReadPlan): Promise<Record<string, unknown>> {
  const summary = await getSummary(scope);
  const out: Record<string, unknown> = {
    summary,
    series: await getSeries(scope),
    newActions: await countNewActions(scope, plan.since),
  };
  for (const [i, { sort, dir }] of plan.sorts.entries()) {
    // Past the last page and unpaged once: they do not depend on the sort.
    for (const page of i === 0 ? [1, 2, 99] : [1, 2]) {
      out[`table ${sort} ${dir} page ${page}`] = await getOccurrenceTable(
        scope,
        { sort, dir, page },
        TABLE_LIMIT,
      );
    }
    if (i === 0) {
      out[`table ${sort} ${dir} unpaged`] = await getOccurrenceTable(
        scope,
        { sort, dir, page: 1 },
        null,
      );
    }
  }
  // Every action (the tile's drill-down), then a row's actions to the last page, and the
  // row's partner and type alone.
  out["drill everything"] = await drillPages(scope, NONE, DRILL_PAGE, 2);
  // One order per other sort (drill-order.test.ts has them all): two pages forward, and the
  // first read back from the second.
  for (const [sort, dir] of OTHER_ORDERS) {
    const ordered = { ...NONE, drill_sort: sort, drill_dir: dir };
    const [first, second] = await drillPages(scope, ordered, DRILL_PAGE, 2);
    const back = second?.prevBefore
      ? await getDrillDown(
          scope,
          { ...ordered, after: null, before: second.prevBefore },
          DRILL_PAGE,
        )
      : null;
    out[`drill everything by ${sort} ${dir}`] = [first, second, back];
  }
  const { row } = plan;
  if (row) {
    out["drill row"] = await drillPages(scope, row, KEYSET_PAGE, MAX_KEYSET_PAGES);
    out["drill partner"] = await drillPages(
      scope,
      { ...NONE, partner: row.partner },
      DRILL_PAGE,
      1,
    );
    out["drill type"] = await drillPages(scope, { ...NONE, type: row.type }, DRILL_PAGE, 1);
    if (scope.previous) {
      // The row's "previous" count opens the compared period's drill-down (`period=compared`).
      const compared = { ...scope, range: scope.previous, previous: null };
      out["drill row, compared period"] = await drillPages(compared, row, DRILL_PAGE, 1);
    }
  }

  const ctx: ExportContext = {
    scope,
    currency: plan.currency,
    table: plan.sorts[0],
    drill: row ?? NONE,
    ruleNames: plan.ruleNames,
    // Computed once per download, as render-export does.
    summary: async () => summary,
  };
  for (const tile of EXPORT_TILES) out[`csv ${tile}`] = await csvCells(tile, ctx);
  const byReward = { ...ctx.drill, drill_sort: "reward", drill_dir: "asc" } as const;
  out["csv actions by reward, lowest first"] = await csvCells("actions", {
    ...ctx,
    drill: byReward,
  });
  // The engine writes the big files' cells in SQL; the page formats rows in JavaScript. The
  // same rows formatted the page's way, to hold the two to one another.
  for (const tile of ["table", "actions"] as const) {
    const exp = await tileExport(tile, ctx);
    const { rows } = await exp.firstRows(1_000_000);
    out[`cells ${tile}`] = [
      exp.csvHeader,
      ...rows.map((r) => r.map((c) => String(neutralizeCell(c)))),
    ];
  }
  return out;
}
