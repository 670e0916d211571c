import { conversionByLabel } from "@/lib/stats/conversion/conversion";
import Link from "next/link";
import { nextSortDirection, SortableHeader } from "@/components/ui/sortable-header";
import { PhoneCard, PhoneCards } from "@/components/ui/phone-cards";
import { tableClass, tdClass, thClass } from "@/components/ui/styles";
import { conversionRate } from "@/lib/stats/conversion/conversion";
import type { ConversionSort, ConversionState } from "@/lib/stats/conversion/conversion-params";
import { formatRate, formatWait } from "@/lib/stats/conversion/format-wait";
import type { ConversionRow } from "@/lib/stats/conversion/get-conversion";

/** Drill-down links of a row's (or, without a row, the total's) converted and other starts. */
export interface DrillHrefs {
  converted: (row?: ConversionRow) => string;
  notConverted: (row?: ConversionRow) => string;
}

const COLUMNS: { sort: ConversionSort | null; label: string }[] = [
  { sort: "starts", label: "Started" },
  { sort: "converted", label: "Converted" },
  { sort: null, label: "Not converted" },
  { sort: "rate", label: "Rate" },
  { sort: "median", label: "Median time" },
  { sort: "p90", label: "p90 time" },
];

const countLink = (href: string, n: number, what: string, row: ConversionRow) => (
  <Link
    href={href}
    className="font-medium text-blue-600 hover:underline"
    aria-label={`${n} ${what} of ${row.label}: show the starting actions`}
  >
    {n.toLocaleString("en-US")}
  </Link>
);

export function ConversionTable({
  rows,
  totalRows,
  state,
  hrefs,
  sortHref,
}: {
  rows: ConversionRow[];
  totalRows: number;
  state: Pick<ConversionState, "by" | "sort" | "dir">;
  hrefs: DrillHrefs;
  sortHref: (sort: ConversionSort, dir: "asc" | "desc") => string;
}) {
  const nameLabel = conversionByLabel(state.by);
  const header = (
    sort: ConversionSort,
    label: string,
    first: "asc" | "desc",
    className: string,
  ) => (
    <SortableHeader
      key={label}
      label={label}
      href={sortHref(sort, nextSortDirection(state.sort === sort, state.dir, first))}
      sorted={state.sort === sort ? state.dir : null}
      className={className}
    />
  );
  return (
    <div>
      <PhoneCards label={`Conversion by ${nameLabel.toLowerCase()}`}>
        {rows.map((row) => (
          <PhoneCard
            key={row.key}
            title={row.label}
            first={
              <>
                {countLink(hrefs.converted(row), row.converted, "converted", row)}
                <span className="text-xs text-gray-500">
                  {" "}
                  of {row.starts.toLocaleString("en-US")}
                </span>
              </>
            }
            subtitle={row.email ?? undefined}
            second={formatRate(conversionRate(row))}
            footer={`median ${formatWait(row.medianMs)} · p90 ${formatWait(row.p90Ms)}`}
          />
        ))}
      </PhoneCards>
      <div className="hidden overflow-x-auto sm:block">
        <table className={tableClass} data-testid="conversion-table">
          <thead>
            <tr>
              {header("name", nameLabel, "asc", thClass)}
              {COLUMNS.map((c) =>
                c.sort === null ? (
                  <SortableHeader
                    key={c.label}
                    label={c.label}
                    sorted={null}
                    className={`${thClass} text-right`}
                  />
                ) : (
                  header(c.sort, c.label, "desc", `${thClass} text-right`)
                ),
              )}
            </tr>
          </thead>
          <tbody className="divide-y divide-gray-100 dark:divide-gray-800">
            {rows.map((row) => (
              <tr key={row.key}>
                <td className={`${tdClass} break-words`}>
                  {row.label}
                  {row.email && <div className="text-xs text-gray-500">{row.email}</div>}
                </td>
                <td className={`${tdClass} text-right tabular-nums`}>
                  {row.starts.toLocaleString("en-US")}
                </td>
                <td className={`${tdClass} text-right tabular-nums`}>
                  {countLink(hrefs.converted(row), row.converted, "converted", row)}
                </td>
                <td className={`${tdClass} text-right tabular-nums`}>
                  {countLink(
                    hrefs.notConverted(row),
                    row.starts - row.converted,
                    "not converted",
                    row,
                  )}
                </td>
                <td className={`${tdClass} text-right tabular-nums`}>
                  {formatRate(conversionRate(row))}
                </td>
                <td className={`${tdClass} text-right tabular-nums`}>{formatWait(row.medianMs)}</td>
                <td className={`${tdClass} text-right tabular-nums`}>{formatWait(row.p90Ms)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {totalRows > rows.length && (
        <p className="mt-2 text-xs text-gray-500">
          Showing {rows.length} of {totalRows.toLocaleString("en-US")} rows; the CSV holds them all.
        </p>
      )}
    </div>
  );
}
