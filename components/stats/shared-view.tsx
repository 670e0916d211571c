import { ChartTile } from "@/components/stats/chart-tile";
import { FilterWarnings } from "@/components/stats/filter-warnings";
import { NumberTiles } from "@/components/stats/number-tiles";
import { SharedTable } from "@/components/stats/shared-table";
import { listAnnotations } from "@/lib/annotations/list-annotations";
import type { OpenDatabase } from "@/lib/db/open";
import { describeFilters } from "@/lib/exports/filters-summary";
import { breakdownTableTitle } from "@/lib/stats/breakdown/breakdown";
import { loadView } from "@/lib/stats/load-view";
import { openTabSources } from "@/lib/stats/sources";
import { describeTimeframe } from "@/lib/stats/timeframe/timeframe";
import type { RawSearchParams } from "@/lib/stats/url/load-tab-state";
import { filtersInForce } from "@/lib/stats/url/search-params";

/**
 * A saved view for people without an account (a share link, a signed embed): its name, period
 * and filters in words, the five numbers, the chart with the program's notes and the table,
 * paged by `pageHref` — no link to any other page, drill-down or download.
 */
export async function SharedView({
  db,
  program,
  viewName,
  query,
  pageHref,
}: {
  db: OpenDatabase;
  program: { id: number; name: string; timezone: string; currency: string };
  viewName: string;
  query: RawSearchParams;
  pageHref: (page: number) => string;
}) {
  const view = await loadView(await openTabSources(db), program, query);
  const { scope, filters, chart, table } = view;
  const inForce = new Set(filtersInForce(filters));
  const narrowing = describeFilters(scope, view.options).filter(
    (d) => d.name !== "timeframe" && d.name !== "timescale" && inForce.has(d.name),
  );
  return (
    <main className="mx-auto max-w-7xl space-y-4 p-4 sm:p-6">
      <header className="space-y-1">
        <p className="text-sm text-gray-600 dark:text-gray-400">
          {program.name} · shared view (read-only)
        </p>
        <h1 className="text-2xl font-semibold">{viewName}</h1>
        <p className="text-sm text-gray-700 dark:text-gray-300">
          Timeframe {describeTimeframe(filters.timeframe)}:{" "}
          <strong>{scope.rangeDescription}</strong>, by {filters.timescale}, times in{" "}
          {program.timezone}.
        </p>
        {narrowing.length > 0 && (
          <ul className="flex flex-wrap gap-2 text-sm" aria-label="Filters of this view">
            {narrowing.map((d) => (
              <li key={d.name} className="rounded-full bg-gray-100 px-2.5 py-0.5 dark:bg-gray-800">
                {d.label} {d.value}
              </li>
            ))}
          </ul>
        )}
      </header>
      <FilterWarnings warnings={view.warnings} />
      <NumberTiles scope={scope} currency={program.currency} />
      <ChartTile scope={scope} annotations={listAnnotations(db.prisma, program, scope.range)} />
      <SharedTable
        scope={scope}
        table={table}
        by={chart.rows_by}
        pageHref={pageHref}
        title={
          chart.rows_by ? breakdownTableTitle(chart.rows_by) : "Actions by partner, type and value"
        }
        currency={program.currency}
      />
    </main>
  );
}
