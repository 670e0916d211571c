import type { Metadata } from "next";
import { AnalyticsFreshnessNotice } from "@/components/ui/analytics-freshness-notice";
import { FilterBar } from "@/components/stats/filters/filter-bar";
import { FilterWarnings } from "@/components/stats/filter-warnings";
import { TileSlot } from "@/components/stats/tile-slot";
import { PageHeader } from "@/components/ui/page-header";
import { loadView } from "@/lib/stats/load-view";
import { describeTimeframe } from "@/lib/stats/timeframe/timeframe";
import { getAnalyticsFreshness } from "@/lib/stats/get-analytics-freshness";
import { loadConversionState, serializeConversion } from "@/lib/stats/conversion/conversion-params";
import { openProgramPage, type ProgramPageProps } from "@/lib/programs/open-program-page";
import { ConversionForm } from "./_components/conversion-form";
import { ConversionTile } from "./_components/conversion-tile";

export const metadata: Metadata = { title: "Conversion" };

export default async function ConversionPage(props: ProgramPageProps) {
  const { slug, query, program, db, sources } = await openProgramPage(props);
  const view = await loadView(await sources(), program, query, { reads: "filters" });
  const { scope, filters } = view;
  const types = view.options.actionTypes.map((t) => t.label);
  const state = loadConversionState(query, types, view.warnings);
  const freshness = await getAnalyticsFreshness(db.prisma, view.analytics, program.id, scope.asOf);
  const basePath = `/p/${slug}/conversion`;
  const ownQuery = serializeConversion({
    from: state.from,
    to: state.to,
    within: state.within,
    by: state.by,
    conv_sort: state.sort,
    conv_dir: state.dir,
  }).replace(/^\?/, "");
  const viewKey = `${view.filterQuery}&${ownQuery}`;

  return (
    <section className="space-y-4">
      <PageHeader
        title="Conversion"
        description={
          <>
            How many partners or customers who did action A went on to do action B within N days.
            Timeframe {describeTimeframe(filters.timeframe)}:{" "}
            <strong>{scope.rangeDescription}</strong> (when A happened), times in {program.timezone}
            .
          </>
        }
      />
      <FilterWarnings warnings={view.warnings} />
      <AnalyticsFreshnessNotice freshness={freshness} timezone={program.timezone} />
      <FilterBar
        applied={filters}
        options={view.options}
        timezone={program.timezone}
        rangeDescription={scope.rangeDescription}
      />
      {types.length < 2 ? (
        <p className="rounded-md border border-gray-200 p-6 text-center text-sm text-gray-500 dark:border-gray-800">
          A conversion needs two action types; this program has {types.length}.
        </p>
      ) : (
        <>
          <ConversionForm
            action={basePath}
            state={state}
            types={types}
            filterQuery={view.filterQuery}
            properties={view.options.properties.map((p) => p.key)}
          />
          {state.question && (
            <TileSlot title="Conversion" height="h-96" viewKey={viewKey}>
              <ConversionTile
                scope={scope}
                prisma={db.prisma}
                state={{ ...state, question: state.question }}
                groups={view.options.groups}
                slug={slug}
                filterQuery={view.filterQuery}
                ownQuery={ownQuery}
              />
            </TileSlot>
          )}
        </>
      )}
    </section>
  );
}
