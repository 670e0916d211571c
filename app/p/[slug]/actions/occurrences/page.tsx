import type { Metadata } from "next";
import Link from "next/link";
import { AnalyticsFreshnessNotice } from "@/components/ui/analytics-freshness-notice";
import { DownloadMenu, exportLinks } from "@/components/stats/download-menu";
import { DownloadStatus } from "../_components/download-status";
import { FilterWarnings } from "@/components/stats/filter-warnings";
import { DrillDownHeading } from "../_components/drill-down-heading";
import { DrillDownTable } from "../_components/drill-down-table";
import { DrillDownPager } from "../_components/drill-down-pager";
import { nextSortDirection } from "@/components/ui/sortable-header";
import { cardClass } from "@/components/ui/styles";
import { loadView } from "@/lib/stats/load-view";
import { drillOrder, getDrillDown, type DrillOrder } from "@/lib/stats/get-drill-down";
import type { DrillSelection } from "@/lib/stats/url/search-params";
import { filtersInForce, periodOnly, serializeTabUrl } from "@/lib/stats/url/search-params";
import { EmptyResult } from "@/components/stats/empty-result";
import { getAnalyticsFreshness } from "@/lib/stats/get-analytics-freshness";
import { describeFilters } from "@/lib/exports/filters-summary";
import { comparisonWords } from "@/lib/stats/previous-period";
import { openProgramPage, type ProgramPageProps } from "@/lib/programs/open-program-page";
import { loadRuleNames } from "@/lib/rewards/load-rule-names";
import { findPartner } from "@/lib/partners/load-partner";
import { selectedConversion } from "@/lib/stats/conversion/conversion";
import { selectedBreakdown } from "@/lib/stats/engine";
import { describeBreakdownRow } from "@/lib/stats/breakdown/describe-breakdown-row";
import {
  conversionBackHref,
  describeConversionSelection,
} from "@/lib/stats/conversion/describe-conversion";

export const metadata: Metadata = { title: "Occurrences" };

export default async function OccurrencesPage(props: ProgramPageProps) {
  const { slug, query, program, db, sources } = await openProgramPage(props);
  const view = await loadView(await sources(), program, query);
  const { scope, filters, table, drill, chart } = view;
  const breakdownRow = selectedBreakdown(drill);
  const [page, ruleNames, freshness, partner, breakdownPartner] = await Promise.all([
    getDrillDown(scope, drill, drill.per_page),
    loadRuleNames(db.prisma, program.id),
    getAnalyticsFreshness(db.prisma, view.analytics, program.id, scope.asOf),
    drill.partner === null ? null : findPartner(db, program.id, drill.partner),
    breakdownRow?.by.kind === "partner" ? findPartner(db, program.id, breakdownRow.key) : null,
  ]);
  const tabPath = `/p/${slug}/actions`;
  const conversion = selectedConversion(drill);
  const backHref = conversion
    ? conversionBackHref(`/p/${slug}/conversion`, view.filterQuery, conversion)
    : serializeTabUrl(tabPath, { ...filters, ...chart, ...table });
  // Any change but a page turn starts from the first page.
  const drillHref = (changes: Partial<DrillSelection>) =>
    serializeTabUrl(`${tabPath}/occurrences`, {
      ...filters,
      ...chart,
      ...table,
      ...drill,
      after: null,
      before: null,
      ...changes,
    });
  const order = drillOrder(drill);
  const sortHref = (sort: DrillOrder["sort"]) =>
    drillHref({
      drill_sort: sort,
      drill_dir: nextSortDirection(order.sort === sort, order.dir, "desc"),
    });
  // The timeframe always, the other filters when set; the timescale only shapes the chart.
  const inForce = new Set(filtersInForce(filters));
  const filterList = describeFilters(scope, view.options).filter(
    (d) =>
      d.name === "timeframe" ||
      (d.name !== "timescale" && d.name !== "compare" && inForce.has(d.name)),
  );
  const ruleName = (id: number) => ruleNames.get(id) ?? `Rule ${id}`;

  return (
    <section className="space-y-4">
      <Link href={backHref} className="text-sm font-medium text-blue-600 hover:underline">
        {conversion ? "← Back to the conversion" : "← Back to the Actions tab"}
      </Link>
      <div className="flex flex-wrap items-start justify-between gap-2">
        <DrillDownHeading
          total={page.total}
          slug={slug}
          drill={drill}
          partner={partner}
          filters={filterList}
          period={filters}
          order={order}
          timezone={program.timezone}
          conversion={conversion && describeConversionSelection(conversion, view.options.groups)}
          breakdown={
            breakdownRow && describeBreakdownRow(breakdownRow, scope.lists, breakdownPartner)
          }
          compared={scope.comparedPeriod ? comparisonWords({ filters }).title : null}
        />
        <DownloadMenu
          label="these actions"
          links={exportLinks(
            tabPath,
            "actions",
            serializeTabUrl("", { ...filters, ...drill, after: null, before: null }).replace(
              /^\?/,
              "",
            ),
          )}
        />
      </div>
      <FilterWarnings warnings={view.warnings} />
      <AnalyticsFreshnessNotice freshness={freshness} timezone={program.timezone} />
      <div className={`${cardClass} relative overflow-x-auto`} data-testid="drill-table-box">
        {page.rows.length === 0 && (drill.after || drill.before) ? (
          <p className="p-8 text-center text-sm text-gray-500">
            No more actions this way.{" "}
            <Link href={drillHref({})} className="font-medium text-blue-600 hover:underline">
              First page
            </Link>
          </p>
        ) : page.rows.length === 0 ? (
          <EmptyResult
            of="actions"
            filters={filters}
            // The same row, order and page size over the same period, every other filter off.
            resetHref={serializeTabUrl(`${tabPath}/occurrences`, {
              ...periodOnly(filters),
              sort: table.sort,
              dir: table.dir,
              ...drill,
              after: null,
              before: null,
            })}
            className="p-8"
          />
        ) : (
          <DrillDownTable
            rows={page.rows}
            slug={slug}
            filters={filters}
            timezone={program.timezone}
            currency={program.currency}
            ruleName={ruleName}
            order={order}
            sortHref={sortHref}
          />
        )}
      </div>
      <DrillDownPager
        order={order}
        perPage={drill.per_page}
        previousHref={page.prevBefore && drillHref({ before: page.prevBefore })}
        nextHref={page.nextAfter && drillHref({ after: page.nextAfter })}
        perPageHref={(size) => drillHref({ per_page: size as DrillSelection["per_page"] })}
      />
      <DownloadStatus />
    </section>
  );
}
