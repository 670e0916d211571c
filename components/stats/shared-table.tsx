import Link from "next/link";
import { PhoneCard, PhoneCards } from "@/components/ui/phone-cards";
import { cardClass, tableClass, tdClass, thClass } from "@/components/ui/styles";
import { moneyFormatter } from "@/lib/format/format";
import { breakdownLabel, type Breakdown } from "@/lib/stats/breakdown/breakdown";
import { getBreakdownTable } from "@/lib/stats/get-breakdown-table";
import { getOccurrenceTable } from "@/lib/stats/get-occurrence-table";
import type { TabScope } from "@/lib/stats/scope";
import type { TableState } from "@/lib/stats/url/search-params";

interface SharedRow {
  key: string;
  cells: string[];
  occurrences: number;
  rewardCents: number;
}

async function readRows(scope: TabScope, table: TableState, by: Breakdown | null) {
  if (by) {
    const t = await getBreakdownTable(scope, by, table);
    return {
      columns: [breakdownLabel(by)],
      rows: t.rows.map((r) => ({
        key: r.key,
        cells: [r.label],
        occurrences: Number(r.occurrences),
        rewardCents: Number(r.rewardCents),
      })),
      page: t.page,
      pageCount: t.pageCount,
      totalRows: t.totalRows,
    };
  }
  const t = await getOccurrenceTable(scope, table);
  return {
    columns: ["Partner", "Action type", "Value"],
    rows: t.rows.map((r) => ({
      key: `${r.partnerKey}|${r.actionType}|${r.actionValue}`,
      cells: [r.partnerName, r.actionType, String(r.actionValue)],
      occurrences: r.occurrences,
      rewardCents: r.rewardCents,
    })),
    page: t.page,
    pageCount: t.pageCount,
    totalRows: t.totalRows,
  };
}

/**
 * The view's table on a share link's page: numbers only (no drill-down, partner pages or
 * downloads), paged with `?page=` on the link itself.
 */
export async function SharedTable({
  scope,
  table,
  by,
  pageHref,
  title,
  currency,
}: {
  scope: TabScope;
  table: TableState;
  by: Breakdown | null;
  /** The link's URL for a page of the table (an embed URL keeps its `frame`). */
  pageHref: (page: number) => string;
  title: string;
  currency: string;
}) {
  const { columns, rows, page, pageCount, totalRows } = await readRows(scope, table, by);
  const money = moneyFormatter(
    rows.map((r: SharedRow) => r.rewardCents),
    currency,
  );
  return (
    <div className={`${cardClass} relative overflow-x-auto`}>
      <h2 className="px-4 pt-4 font-medium">{title}</h2>
      {rows.length === 0 ? (
        <p className="p-8 text-center text-sm text-gray-600 dark:text-gray-400">
          No actions match this view.
        </p>
      ) : (
        <PhoneCards label={title}>
          {rows.map((row) => (
            <PhoneCard
              key={row.key}
              testId="shared-card"
              title={row.cells[0]}
              first={`${row.occurrences.toLocaleString("en-US")} occurrences`}
              subtitle={row.cells.slice(1).join(" · ")}
              second={`${money(row.rewardCents)} rewards`}
            />
          ))}
        </PhoneCards>
      )}
      {rows.length > 0 && (
        <table className={`${tableClass} hidden sm:table`} data-testid="shared-table">
          <thead>
            <tr>
              {columns.map((c) => (
                <th key={c} className={thClass}>
                  {c}
                </th>
              ))}
              <th className={`${thClass} text-right`}>Occurrences</th>
              <th className={`${thClass} text-right`}>Rewards</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-gray-100 dark:divide-gray-800">
            {rows.map((row) => (
              <tr key={row.key}>
                {row.cells.map((cell, i) => (
                  <td key={columns[i]} className={`${tdClass} break-words`}>
                    {cell}
                  </td>
                ))}
                <td className={`${tdClass} text-right tabular-nums`}>
                  {row.occurrences.toLocaleString("en-US")}
                </td>
                <td className={`${tdClass} text-right tabular-nums`}>{money(row.rewardCents)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {pageCount > 1 && (
        <nav
          aria-label="Table pages"
          className="flex items-center justify-between gap-2 p-3 text-sm"
        >
          <span>
            Page {page} of {pageCount} ({totalRows.toLocaleString("en-US")} rows)
          </span>
          <span className="flex gap-3">
            {page > 1 && (
              <Link className="text-blue-700 hover:underline" href={pageHref(page - 1)}>
                Previous
              </Link>
            )}
            {page < pageCount && (
              <Link className="text-blue-700 hover:underline" href={pageHref(page + 1)}>
                Next
              </Link>
            )}
          </span>
        </nav>
      )}
    </div>
  );
}
