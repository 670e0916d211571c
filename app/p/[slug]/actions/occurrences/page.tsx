import type { Metadata } from "next";
import Link from "next/link";
import { AnalyticsFreshnessNotice } from "@/components/ui/analytics-freshness-notice";
import { DownloadMenu, exportLinks } from "@/components/stats/download-menu";
import { DownloadStatus } from "../_components/download-status";
import { FilterWarnings } from "@/components/stats/filter-warnings";
import { DrillDownHeading } from "../_components/drill-down-heading";
import { DrillDownTable } from "../_components/drill-down-table";
import { cardClass } from "@/components/ui/styles";
import { loadView } from "@/lib/stats/load-view";
import { getDrillDown } from "@/lib/stats/get-drill-down";
import { filtersInForce, serializeTabUrl } from "@/lib/stats/url/search-params";
import { getAnalyticsFreshness } from "@/lib/stats/get-analytics-freshness";
import { describeFilters } from "@/lib/exports/filters-summary";
import { openProgramPage, type ProgramPageProps } from "@/lib/programs/open-program-page";
import { loadRuleNames } from "@/lib/rewards/load-rule-names";
import { findPartner } from "@/lib/partners/load-partner";

export const metadata: Metadata = { title: "Occurrences" };

export default async function OccurrencesPage(props: ProgramPageProps) {
  const { slug, query, program, db, sources } = await openProgramPage(props);
  const view = await loadView(await sources(), program, query);
  const { scope, filters, table, drill } = view;
  const [page, ruleNames, freshness, partner] = await Promise.all([
    getDrillDown(scope, drill),
    loadRuleNames(db.prisma, program.id),
    getAnalyticsFreshness(db.prisma, view.analytics, program.id, scope.asOf),
    drill.partner === null ? null : findPartner(db, program.id, drill.partner),
  ]);
  const tabPath = `/p/${slug}/actions`;
  const backHref = serializeTabUrl(tabPath, { ...filters, ...table });
  const pageHref = (after: string | null) =>
    serializeTabUrl(`${tabPath}/occurrences`, { ...filters, ...table, ...drill, after });
  // The timeframe always, the other filters when set; the timescale only shapes the chart.
  const inForce = new Set(filtersInForce(filters));
  const filterList = describeFilters(scope, view.options).filter(
    (d) => d.name === "timeframe" || (d.name !== "timescale" && inForce.has(d.name)),
  );
  const ruleName = (id: number) => ruleNames.get(id) ?? `Rule ${id}`;

  return (
    <section className="space-y-4">
      <Link href={backHref} className="text-sm font-medium text-blue-600 hover:underline">
        ← Back to the Actions tab
      </Link>
      <div className="flex flex-wrap items-start justify-between gap-2">
        <DrillDownHeading
          total={page.total}
          slug={slug}
          drill={drill}
          partner={partner}
          filters={filterList}
          period={filters}
          timezone={program.timezone}
        />
        <DownloadMenu
          label="these actions"
          links={exportLinks(
            tabPath,
            "actions",
            serializeTabUrl("", { ...filters, ...drill, after: null }).replace(/^\?/, ""),
          )}
        />
      </div>
      <FilterWarnings warnings={view.warnings} />
      <AnalyticsFreshnessNotice freshness={freshness} timezone={program.timezone} />
      <div className={`${cardClass} relative overflow-x-auto`} data-testid="drill-table-box">
        {page.rows.length === 0 ? (
          <p className="p-8 text-center text-sm text-gray-500">
            {drill.after ? "No older actions." : "No actions match."}
          </p>
        ) : (
          <DrillDownTable
            rows={page.rows}
            slug={slug}
            filters={filters}
            timezone={program.timezone}
            currency={program.currency}
            ruleName={ruleName}
          />
        )}
      </div>
      <nav aria-label="Action pages" className="flex gap-4 text-sm">
        {drill.after && (
          <Link href={pageHref(null)} className="text-blue-600 hover:underline">
            ← Newest
          </Link>
        )}
        {page.nextAfter && (
          <Link href={pageHref(page.nextAfter)} className="text-blue-600 hover:underline">
            Older →
          </Link>
        )}
      </nav>
      <DownloadStatus />
    </section>
  );
}
