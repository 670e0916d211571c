import Link from "next/link";
import type { ReactNode } from "react";
import { EmptyResult } from "@/components/stats/empty-result";
import { tdClass } from "@/components/ui/styles";
import type { TabScope } from "@/lib/stats/scope";
import {
  periodOnly,
  serializeTabUrl,
  type ChartState,
  type TableState,
} from "@/lib/stats/url/search-params";
import { ChangeCell } from "./change-cell";
import { CountedCells, totalsOf } from "./counted-cells";

// What the two tables of the tab (by partner, type and value; by a breakdown) show alike.

const count = (n: number) => n.toLocaleString("en-US");

/** No row matches: says which filters are on, with a link keeping only the period. */
export function TableEmpty({
  basePath,
  scope,
  chart,
  table,
}: {
  basePath: string;
  scope: TabScope;
  chart: ChartState;
  table: TableState;
}) {
  return (
    <EmptyResult
      of="actions"
      filters={scope.filters}
      resetHref={serializeTabUrl(basePath, {
        ...periodOnly(scope.filters),
        ...chart,
        sort: table.sort,
        dir: table.dir,
      })}
      className="py-10"
    />
  );
}

/** A phone card's count (its drill-down link) and, with a period compared, the change. */
export function CountWithChange({
  link,
  current,
  previous,
  vs,
}: {
  link: ReactNode;
  current: number;
  previous: number | null;
  /** The period compared with, in words ("previous period"). */
  vs: string;
}) {
  return (
    <>
      {link}
      <span className="text-xs text-gray-500"> occurrences</span>
      {previous !== null && (
        <span className="block text-xs">
          <ChangeCell current={current} previous={previous} format={count} />{" "}
          <span className="text-gray-500">vs {vs}</span>
        </span>
      )}
    </>
  );
}

/** A row's count in the period compared with, opening that period's drill-down. */
export function PreviousCountLink({
  href,
  previous,
  vs,
}: {
  href: string;
  previous: number | null;
  vs: string;
}) {
  return (
    <Link
      href={href}
      className="text-blue-600 hover:underline"
      aria-label={`${previous} occurrences in the ${vs}: show the actions`}
    >
      {count(previous ?? 0)}
    </Link>
  );
}

/** The pager's links for a table page (`href` of a page number). */
export function pagerLinks(
  { page, pageCount }: { page: number; pageCount: number },
  href: (page: number) => string,
) {
  return {
    page,
    pageCount,
    previousHref: page > 1 ? href(page - 1) : null,
    nextHref: page < pageCount ? href(page + 1) : null,
  };
}

/**
 * The table's foot: every matching action, all pages (`label` over `labelSpan` columns), each
 * count opening its period's drill-down.
 */
export function TotalsFoot({
  label,
  labelSpan,
  summary,
  money,
  href,
  comparedHref,
}: {
  label: string;
  labelSpan?: number;
  summary: Parameters<typeof totalsOf>[0];
  money: (cents: number) => string;
  href: string;
  comparedHref: string;
}) {
  return (
    <tfoot className="border-t-2 border-gray-200 font-semibold dark:border-gray-700">
      <tr>
        <td className={tdClass} colSpan={labelSpan}>
          {label}
        </td>
        <CountedCells
          numbers={totalsOf(summary)}
          occurrences={
            <Link href={href} className="text-blue-600 hover:underline">
              {count(summary.current.occurrences)}
            </Link>
          }
          previous={
            <Link href={comparedHref} className="text-blue-600 hover:underline">
              {count(summary.previous?.occurrences ?? 0)}
            </Link>
          }
          money={money}
          testIds={{
            occurrences: "table-total-occurrences",
            previous: "table-total-previous-occurrences",
            rewards: "table-total-rewards",
          }}
        />
      </tr>
    </tfoot>
  );
}
