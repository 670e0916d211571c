import Link from "next/link";
import { nextSortDirection, SortableHeader } from "@/components/ui/sortable-header";
import { tableClass, tdClass, thClass } from "@/components/ui/styles";
import { moneyFormatter } from "@/lib/format/format";
import { getOccurrenceTable } from "@/lib/stats/get-occurrence-table";
import { getSummary } from "@/lib/stats/get-summary";
import type { TabScope } from "@/lib/stats/scope";
import { serializeTabUrl, type ChartState, type TableState } from "@/lib/stats/url/search-params";
import { BreakdownSelect } from "@/components/stats/breakdown-select";
import { DownloadMenu, exportLinks } from "@/components/stats/download-menu";
import { Tile } from "@/components/stats/tile";
import { PhoneCard, PhoneCards } from "@/components/ui/phone-cards";
import { TruncatedText, truncatedClass } from "@/components/ui/truncated-text";
import type { OccurrenceRow } from "@/lib/stats/engine";
import { comparisonWords } from "@/lib/stats/previous-period";
import { CountedCells } from "./counted-cells";
import { PartnerLink } from "./partner-link";
import { TablePager } from "./table-pager";
import {
  CountWithChange,
  pagerLinks,
  PreviousCountLink,
  TableEmpty,
  TotalsFoot,
} from "./table-parts";

type Column = { sort: TableState["sort"]; label: string; numeric?: boolean };

const COLUMNS: Column[] = [
  { sort: "name", label: "Partner name" },
  { sort: "email", label: "Partner email" },
  { sort: "type", label: "Action type" },
  { sort: "value", label: "Action value", numeric: true },
  { sort: "occurrences", label: "Occurrences", numeric: true },
  { sort: "rewards", label: "Sum of rewards", numeric: true },
];

/** With a period compared: its numbers and the changes beside the occurrences and the rewards. */
const COMPARED_COLUMNS: Column[] = [
  ...COLUMNS.slice(0, 5),
  { sort: "previous_occurrences", label: "Previous occurrences", numeric: true },
  { sort: "occurrences_change", label: "Occurrences change", numeric: true },
  COLUMNS[5],
  { sort: "previous_rewards", label: "Previous rewards", numeric: true },
  { sort: "rewards_change", label: "Rewards change", numeric: true },
];

// The partner column stays in view while a narrow window scrolls the others sideways (not the
// totals label: spanning four columns, it would slide over the totals). Phones get cards.
const stickyCell = "sticky left-0 bg-white dark:bg-gray-900";

/** A row's count, opening the drill-down of its actions. */
function OccurrencesLink({ row, href }: { row: OccurrenceRow; href: string }) {
  return (
    <Link
      href={href}
      className="font-medium text-blue-600 hover:underline"
      aria-label={`${row.occurrences} occurrences of ${row.actionType} value ${row.actionValue} by ${row.partnerName}: show the actions`}
    >
      {row.occurrences.toLocaleString("en-US")}
    </Link>
  );
}

export async function OccurrenceTableTile({
  scope,
  table,
  slug,
  basePath,
  currency,
  exportQuery,
  chart,
  properties,
}: {
  scope: TabScope;
  table: TableState;
  /** The view's chart state (series hidden, stack, rows): every link keeps it. */
  chart: ChartState;
  /** The program's property names, for "Group rows by". */
  properties: readonly string[];
  slug: string;
  basePath: string;
  exportQuery: string;
  currency: string;
}) {
  const [data, summary] = await Promise.all([getOccurrenceTable(scope, table), getSummary(scope)]);
  const compared = summary.previous !== null;
  const columns = compared ? COMPARED_COLUMNS : COLUMNS;
  const money = moneyFormatter(
    [
      ...data.rows.flatMap((r) => [r.rewardCents, r.previousRewardCents ?? 0]),
      summary.current.rewardCents,
      summary.previous?.rewardCents ?? 0,
    ],
    currency,
  );
  const words = comparisonWords(scope);
  const comparedDrillHref = (row: OccurrenceRow) =>
    url(
      {
        partner: row.partnerKey,
        type: row.actionType,
        value: row.actionValue,
        period: "compared",
        page: 1,
      },
      drillPath,
    );
  const url = (
    changes: Partial<TableState> & {
      partner?: string;
      type?: string;
      value?: number;
      period?: "compared";
    },
    path = basePath,
  ) => serializeTabUrl(path, { ...scope.filters, ...chart, ...table, ...changes });
  const drillPath = `${basePath}/occurrences`;
  const drillHref = (row: OccurrenceRow) =>
    url(
      { partner: row.partnerKey, type: row.actionType, value: row.actionValue, page: 1 },
      drillPath,
    );
  const sortHref = (column: Column) => {
    const first = column.numeric ? "desc" : "asc";
    const dir = nextSortDirection(table.sort === column.sort, table.dir, first);
    return url({ sort: column.sort, dir, page: 1 });
  };

  return (
    <Tile
      title="Actions by partner, type and value"
      menu={
        <DownloadMenu
          label="Actions by partner, type and value"
          links={exportLinks(basePath, "table", exportQuery, ["csv", "csv-with-totals", "pdf"])}
        />
      }
    >
      <div className="mb-2 flex justify-end">
        <BreakdownSelect param="rows_by" value={null} properties={properties} />
      </div>
      {data.totalRows === 0 ? (
        <TableEmpty basePath={basePath} scope={scope} chart={chart} table={table} />
      ) : (
        <>
          <PhoneCards label="Rows of the table">
            {data.rows.map((row) => (
              <PhoneCard
                key={`${row.partnerKey}|${row.actionType}|${row.actionValue}`}
                title={
                  <PartnerLink slug={slug} partnerKey={row.partnerKey} filters={scope.filters}>
                    {row.partnerName}
                  </PartnerLink>
                }
                first={
                  <CountWithChange
                    link={<OccurrencesLink row={row} href={drillHref(row)} />}
                    current={row.occurrences}
                    previous={row.previousOccurrences}
                    vs={words.vs}
                  />
                }
                subtitle={row.partnerEmail}
                second={money(row.rewardCents)}
                footer={
                  <>
                    <span className="font-mono">{row.actionType}</span> · value {row.actionValue}
                  </>
                }
              />
            ))}
            <PhoneCard
              testId="card-totals"
              title={
                <strong>Total ({data.totalRows.toLocaleString("en-US")} rows, all pages)</strong>
              }
              first={
                <Link
                  href={url({ page: 1 }, drillPath)}
                  className="font-semibold text-blue-600 hover:underline"
                >
                  {summary.current.occurrences.toLocaleString("en-US")}
                </Link>
              }
              second={
                <strong className="text-gray-900 dark:text-gray-100">
                  {money(summary.current.rewardCents)}
                </strong>
              }
            />
          </PhoneCards>
          <div className="relative hidden overflow-x-auto sm:block">
            <table className={tableClass}>
              <thead>
                <tr>
                  {columns.map((c, i) => (
                    <SortableHeader
                      key={c.sort}
                      label={c.label}
                      href={sortHref(c)}
                      sorted={table.sort === c.sort ? table.dir : null}
                      className={`${thClass} ${c.numeric ? "text-right" : ""} ${i === 0 ? stickyCell : ""}`}
                    />
                  ))}
                </tr>
              </thead>
              <tbody className="divide-y divide-gray-100 dark:divide-gray-800">
                {data.rows.map((row) => (
                  <tr key={`${row.partnerKey}|${row.actionType}|${row.actionValue}`}>
                    {/* Names, emails and types on one line, cut (whole on hover and focus), so
                        the numbers stay on a 1,440 px screen however long the names are. */}
                    <td className={`${tdClass} ${stickyCell}`}>
                      <PartnerLink
                        slug={slug}
                        partnerKey={row.partnerKey}
                        filters={scope.filters}
                        title={row.partnerName}
                        className={`${truncatedClass} max-w-56 text-blue-600 hover:underline`}
                      >
                        {row.partnerName}
                      </PartnerLink>
                    </td>
                    <td className={tdClass}>
                      <TruncatedText text={row.partnerEmail} className="max-w-56" />
                    </td>
                    <td className={tdClass}>
                      <TruncatedText text={row.actionType} className="max-w-56 font-mono text-xs" />
                    </td>
                    <td className={`${tdClass} text-right tabular-nums`}>{row.actionValue}</td>
                    <CountedCells
                      numbers={row}
                      occurrences={<OccurrencesLink row={row} href={drillHref(row)} />}
                      previous={
                        <PreviousCountLink
                          href={comparedDrillHref(row)}
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
                label={`Total (${data.totalRows.toLocaleString("en-US")} rows, all pages)`}
                labelSpan={4}
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
