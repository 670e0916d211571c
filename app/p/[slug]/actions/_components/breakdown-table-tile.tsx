import Link from "next/link";
import { nextSortDirection, SortableHeader } from "@/components/ui/sortable-header";
import { tableClass, tdClass, thClass } from "@/components/ui/styles";
import { PhoneCard, PhoneCards } from "@/components/ui/phone-cards";
import { TruncatedText } from "@/components/ui/truncated-text";
import { DownloadMenu, exportLinks } from "@/components/stats/download-menu";
import { Tile } from "@/components/stats/tile";
import { BreakdownSelect } from "@/components/stats/breakdown-select";
import { moneyFormatter } from "@/lib/format/format";
import {
  breakdownLabel,
  breakdownTableTitle,
  countsInSeveral,
  type Breakdown,
} from "@/lib/stats/breakdown/breakdown";
import type { BreakdownRow } from "@/lib/stats/engine";
import { getBreakdownTable } from "@/lib/stats/get-breakdown-table";
import { getSummary } from "@/lib/stats/get-summary";
import { comparisonWords } from "@/lib/stats/previous-period";
import type { TabScope } from "@/lib/stats/scope";
import { serializeTabUrl, type ChartState, type TableState } from "@/lib/stats/url/search-params";
import { TablePager } from "./table-pager";
import {
  CountWithChange,
  pagerLinks,
  PreviousCountLink,
  TableEmpty,
  TotalsFoot,
} from "./table-parts";
import { CountedCells } from "./counted-cells";

type Column = { sort: TableState["sort"]; label: string; numeric?: boolean };

/**
 * The table grouped by a breakdown (`rows_by`): one row per group, manager, tag… with its
 * occurrences (each opening the drill-down of its actions) and rewards, and the period compared
 * with; sortable by label or number, paged, as cards on phones.
 */
export async function BreakdownTableTile({
  scope,
  by,
  table,
  chart,
  basePath,
  currency,
  exportQuery,
  properties,
}: {
  scope: TabScope;
  by: Breakdown;
  table: TableState;
  chart: ChartState;
  basePath: string;
  exportQuery: string;
  currency: string;
  properties: readonly string[];
}) {
  const [data, summary] = await Promise.all([
    getBreakdownTable(scope, by, table),
    getSummary(scope),
  ]);
  const compared = summary.previous !== null;
  const title = breakdownTableTitle(by);
  const label = breakdownLabel(by);
  const columns: Column[] = [
    { sort: "name", label },
    { sort: "occurrences", label: "Occurrences", numeric: true },
    ...(compared
      ? ([
          { sort: "previous_occurrences", label: "Previous occurrences", numeric: true },
          { sort: "occurrences_change", label: "Occurrences change", numeric: true },
        ] as Column[])
      : []),
    { sort: "rewards", label: "Sum of rewards", numeric: true },
    ...(compared
      ? ([
          { sort: "previous_rewards", label: "Previous rewards", numeric: true },
          { sort: "rewards_change", label: "Rewards change", numeric: true },
        ] as Column[])
      : []),
  ];
  const money = moneyFormatter(
    [
      ...data.rows.flatMap((r) => [r.rewardCents, r.previousRewardCents ?? 0]),
      summary.current.rewardCents,
    ],
    currency,
  );
  const count = (n: number) => n.toLocaleString("en-US");
  const words = comparisonWords(scope);
  const url = (
    changes: Partial<TableState> & { by?: Breakdown; by_key?: string; period?: "compared" },
    path = basePath,
  ) => serializeTabUrl(path, { ...scope.filters, ...chart, ...table, ...changes });
  const drillPath = `${basePath}/occurrences`;
  const drill = (row: BreakdownRow, period?: "compared") =>
    url({ by, by_key: row.key, page: 1, period }, drillPath);
  const sortHref = (column: Column) => {
    const first = column.numeric ? "desc" : "asc";
    const sorted = table.sort === column.sort || (column.sort === "name" && isLabelSort(table));
    const dir = nextSortDirection(sorted, table.dir, first);
    return url({ sort: column.sort, dir, page: 1 });
  };
  const sortedAs = (c: Column) =>
    table.sort === c.sort || (c.sort === "name" && isLabelSort(table)) ? table.dir : null;
  const countLink = (row: BreakdownRow) => (
    <Link
      href={drill(row)}
      className="font-medium text-blue-600 hover:underline"
      aria-label={`${row.occurrences} occurrences of ${label} ${row.label}: show the actions`}
    >
      {count(row.occurrences)}
    </Link>
  );

  return (
    <Tile
      title={title}
      menu={
        <DownloadMenu
          label={title}
          links={exportLinks(basePath, "table", exportQuery, ["csv", "csv-with-totals", "pdf"])}
        />
      }
    >
      <div className="mb-2 flex flex-wrap items-center justify-between gap-2">
        <p className="text-xs text-gray-500">
          {countsInSeveral(by)
            ? "A partner with several tags counts under each: the rows can add up to more than the total."
            : "Every matching action counts in one row."}
        </p>
        <BreakdownSelect param="rows_by" value={by} properties={properties} />
      </div>
      {data.totalRows === 0 ? (
        <TableEmpty basePath={basePath} scope={scope} chart={chart} table={table} />
      ) : (
        <>
          <PhoneCards label="Rows of the table">
            {data.rows.map((row) => (
              <PhoneCard
                key={row.key}
                title={row.label}
                first={
                  <CountWithChange
                    link={countLink(row)}
                    current={row.occurrences}
                    previous={row.previousOccurrences}
                    vs={words.vs}
                  />
                }
                second={money(row.rewardCents)}
              />
            ))}
          </PhoneCards>
          <div className="relative hidden overflow-x-auto sm:block">
            <table className={tableClass}>
              <thead>
                <tr>
                  {columns.map((c) => (
                    <SortableHeader
                      key={c.sort}
                      label={c.label}
                      href={sortHref(c)}
                      sorted={sortedAs(c)}
                      className={`${thClass} ${c.numeric ? "text-right" : ""}`}
                    />
                  ))}
                </tr>
              </thead>
              <tbody className="divide-y divide-gray-100 dark:divide-gray-800">
                {data.rows.map((row) => (
                  <tr key={row.key}>
                    <td className={tdClass}>
                      <TruncatedText text={row.label} className="max-w-72" />
                    </td>
                    <CountedCells
                      numbers={row}
                      occurrences={countLink(row)}
                      previous={
                        <PreviousCountLink
                          href={drill(row, "compared")}
                          previous={row.previousOccurrences}
                          vs={words.vs}
                        />
                      }
                      money={money}
                    />
                  </tr>
                ))}
              </tbody>
              <TotalsFoot
                label={`All matching actions (${data.totalRows.toLocaleString("en-US")} rows, all pages)`}
                summary={summary}
                money={money}
                href={url({ page: 1 }, drillPath)}
                comparedHref={url({ page: 1, period: "compared" }, drillPath)}
              />
            </table>
          </div>
          <TablePager {...pagerLinks(data, (page) => url({ page }))} />
        </>
      )}
    </Tile>
  );
}

/** The text sorts of the detailed table all sort a grouped one by its label. */
function isLabelSort(table: Pick<TableState, "sort">) {
  return ["name", "email", "type", "value"].includes(table.sort);
}
