import type { Metadata } from "next";
import { Suspense } from "react";
import { FilterBar } from "@/components/stats/filters/filter-bar";
import { FilterWarnings } from "@/components/stats/filter-warnings";
import { DirectoryResults, DirectorySkeleton } from "./_components/directory-results";
import { AnalyticsFreshnessNotice } from "@/components/ui/analytics-freshness-notice";
import { PageHeader } from "@/components/ui/page-header";
import { secondaryButtonClass } from "@/components/ui/styles";
import { loadView } from "@/lib/stats/load-view";
import { describeTimeframe } from "@/lib/stats/timeframe/timeframe";
import { getAnalyticsFreshness } from "@/lib/stats/get-analytics-freshness";
import { directoryUrl, loadDirectoryKeys } from "@/lib/partners/directory-params";
import { openProgramPage, type ProgramPageProps } from "@/lib/programs/open-program-page";

export const metadata: Metadata = { title: "Partners" };

export default async function PartnersPage(props: ProgramPageProps) {
  const { slug, query, program, db, sources } = await openProgramPage(props);
  const tabSources = await sources();
  const { filters, options, scope, warnings } = await loadView(tabSources, program, query, {
    reads: "filters",
  });
  const { directory, warnings: directoryWarnings } = loadDirectoryKeys(query);
  warnings.push(...directoryWarnings);
  const path = `/p/${slug}/partners`;
  const freshness = await getAnalyticsFreshness(
    db.prisma,
    tabSources.analytics,
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
      <FilterBar
        applied={filters}
        options={options}
        timezone={program.timezone}
        rangeDescription={scope.rangeDescription}
        withTimescale={false}
      />
      <Suspense key={directoryUrl("", filters, directory)} fallback={<DirectorySkeleton />}>
        <DirectoryResults
          db={db}
          scope={scope}
          slug={slug}
          path={path}
          filters={filters}
          directory={directory}
          currency={program.currency}
          timezone={program.timezone}
        />
      </Suspense>
    </section>
  );
}
