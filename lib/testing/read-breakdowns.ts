// A breakdown as every screen reads it, for the engines-agree property test: the chart stacked
// by it, the table grouped by it in several sorts and pages, and the drill-down of some rows.
import type { Breakdown } from "../stats/breakdown/breakdown";
import { getBreakdownTable } from "../stats/get-breakdown-table";
import { getSeries } from "../stats/get-series";
import type { TabScope } from "../stats/scope";
import type { TableState } from "../stats/url/search-params";

const SORTS: Pick<TableState, "sort" | "dir">[] = [
  { sort: "occurrences", dir: "desc" },
  { sort: "name", dir: "asc" },
  { sort: "rewards_change", dir: "desc" },
];

export async function readBreakdown(scope: TabScope, by: Breakdown) {
  const out: Record<string, unknown> = {};
  out.series = await getSeries({ ...scope, stackBy: by });
  for (const table of SORTS) {
    const name = `${table.sort} ${table.dir}`;
    out[`rows ${name}`] = await getBreakdownTable(scope, by, { ...table, page: 1 }, null);
    out[`page 2 ${name}`] = await getBreakdownTable(scope, by, { ...table, page: 2 }, 3);
  }
  const { rows } = await getBreakdownTable(scope, by, { ...SORTS[0], page: 1 }, 3);
  out.drill = await Promise.all(
    rows.map(async (row) => ({
      key: row.key,
      occurrences: row.occurrences,
      total: await scope.engine.drillTotal(scope, {
        partner: null,
        type: null,
        value: null,
        by,
        by_key: row.key,
      }),
    })),
  );
  return out;
}
