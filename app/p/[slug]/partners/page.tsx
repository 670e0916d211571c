import type { Metadata } from "next";
import { FilterBar } from "../actions/_components/filter-bar";
import { FilterWarnings } from "../actions/_components/filter-warnings";
import { DirectorySearch } from "./_components/directory-search";
import { DirectoryTable } from "./_components/directory-table";
import { AnalyticsFreshnessNotice } from "@/components/ui/analytics-freshness-notice";
import { PageHeader } from "@/components/ui/page-header";
import { secondaryButtonClass } from "@/components/ui/styles";
import { scopeOf } from "@/lib/actions-tab/load-tab-view";
import { openTabSources } from "@/lib/actions-tab/tab-sources";
import { describeTimeframe } from "@/lib/actions-tab/timeframe";
import { getAnalyticsFreshness } from "@/lib/analytics/get-analytics-freshness";
import { directoryUrl, loadDirectoryState } from "@/lib/partners/directory-params";
import { getDirectoryPage, type DirectoryPage } from "@/lib/partners/get-partner-directory";
import { openProgramPage, type ProgramPageProps } from "@/lib/programs/open-program-page";

export const metadata: Metadata = { title: "Partners" };

export default async function PartnersPage(props: ProgramPageProps) {
  const { slug, query, program, db } = await openProgramPage(props);
  const { filters: urlFilters, directory, warnings } = loadDirectoryState(query);
  const sources = await openTabSources(db);
  const { filters, options, scope } = await scopeOf(sources, program, urlFilters, warnings);
  const path = `/p/${slug}/partners`;
  let page: DirectoryPage | null = null;
  let failure: string | null = null;
  try {
    page = await getDirectoryPage(db, scope, directory);
  } catch (error) {
    console.error("Partners directory failed", error);
    failure = "The partners could not be counted just now (the analytics engine did not answer).";
  }
  const freshness = await getAnalyticsFreshness(
    db.prisma,
    sources.analytics,
    program.id,
    scope.asOf,
  );
  const exportHref = directoryUrl(`${path}/export`, filters, { ...directory, after: null });

  return (
    <section className="space-y-4">
      <PageHeader
        title="Partners"
        description={
          <>
            Actions and rewards counted over the timeframe (it{" "}
            {describeTimeframe(filters.timeframe)}): <strong>{scope.rangeDescription}</strong>,
            times in {program.timezone}. Last action is the newest at any time.
          </>
        }
      >
        <a href={exportHref} className={secondaryButtonClass} download>
          Download CSV
        </a>
      </PageHeader>
      <FilterWarnings warnings={warnings} />
      <AnalyticsFreshnessNotice freshness={freshness} timezone={program.timezone} />
      <DirectorySearch applied={directory.q} />
      <FilterBar
        applied={filters}
        options={options}
        timezone={program.timezone}
        rangeDescription={scope.rangeDescription}
        withTimescale={false}
      />
      {failure || !page ? (
        <div
          role="alert"
          className="rounded-md border border-red-300 bg-red-50 p-4 text-sm text-red-900 dark:border-red-800 dark:bg-red-950 dark:text-red-100"
        >
          {failure}{" "}
          <a href={directoryUrl(path, filters, directory)} className="font-medium underline">
            Try again
          </a>
        </div>
      ) : (
        <DirectoryTable
          slug={slug}
          path={path}
          filters={filters}
          directory={directory}
          page={page}
          currency={program.currency}
          timezone={program.timezone}
        />
      )}
    </section>
  );
}
