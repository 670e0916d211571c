import type { Metadata } from "next";
import { AnalyticsFreshnessNotice } from "@/components/ui/analytics-freshness-notice";
import { ChartTile } from "@/components/stats/chart-tile";
import { DownloadMenu, exportLinks } from "@/components/stats/download-menu";
import { DownloadStatus } from "./_components/download-status";
import { FilterBar } from "@/components/stats/filters/filter-bar";
import { FilterWarnings } from "@/components/stats/filter-warnings";
import { GetStarted } from "./_components/get-started";
import { NewActionsNotice } from "./_components/new-actions-notice";
import { NumberTiles, NumberTilesSkeleton } from "@/components/stats/number-tiles";
import { OccurrenceTableTile } from "./_components/occurrence-table-tile";
import { BreakdownTableTile } from "./_components/breakdown-table-tile";
import { breakdownTableTitle } from "@/lib/stats/breakdown/breakdown";
import { SavedViews } from "./_components/saved-views";
import { TileSlot } from "@/components/stats/tile-slot";
import { PageHeader } from "@/components/ui/page-header";
import { loadView } from "@/lib/stats/load-view";
import { serializeTabUrl } from "@/lib/stats/url/search-params";
import { describeTimeframe } from "@/lib/stats/timeframe/timeframe";
import { getAnalyticsFreshness } from "@/lib/stats/get-analytics-freshness";
import { openProgramPage, type ProgramPageProps } from "@/lib/programs/open-program-page";
import { canAnnotate, canManageApiKeys, canManageSavedViews } from "@/lib/programs/roles";
import { listAnnotations } from "@/lib/annotations/list-annotations";
import { AnnotationForm, DeleteNoteButton } from "./_components/annotation-form";
import { formatDate } from "@/lib/time/format";
import { dateOf } from "@/lib/time/zone";
import { hasAnyAction } from "@/lib/actions/has-any-action";
import { firstActionSteps } from "@/lib/groups/first-action-steps";
import { serverOrigin } from "@/lib/http/server-origin";
import { listSavedViews } from "@/lib/saved-views/list-saved-views";
import { viewInForce } from "@/lib/saved-views/view-in-force";

export const metadata: Metadata = { title: "Actions" };

export default async function ActionsPage(props: ProgramPageProps) {
  const { slug, query, program, role, db, sources } = await openProgramPage(props);
  const [view, views, started] = await Promise.all([
    sources().then((s) => loadView(s, program, query)),
    listSavedViews(db.prisma, program.id),
    hasAnyAction(db.prisma, program.id),
  ]);
  const { scope, table, filters, chart } = view;
  const properties = view.options.properties.map((p) => p.key);
  const tableTitle = chart.rows_by
    ? breakdownTableTitle(chart.rows_by)
    : "Actions by partner, type and value";
  const freshness = await getAnalyticsFreshness(db.prisma, view.analytics, program.id, scope.asOf);
  const basePath = `/p/${slug}/actions`;
  const annotate = canAnnotate(role);
  // Paging or sorting the table reloads the table alone: the numbers and chart keep showing.
  const filtersKey = serializeTabUrl("", { ...filters, stack_by: chart.stack_by });
  const viewKey = serializeTabUrl("", { ...filters, ...table, rows_by: chart.rows_by });

  return (
    <section className="space-y-4">
      <PageHeader
        title="Actions"
        description={
          <>
            Timeframe {describeTimeframe(filters.timeframe)}:{" "}
            <strong>{scope.rangeDescription}</strong>, times in {program.timezone}.
          </>
        }
      >
        <div className="flex flex-wrap items-center gap-2">
          <SavedViews
            slug={slug}
            query={view.filterQuery}
            views={views}
            inForce={viewInForce(views, view.filterQuery, table.view)}
            canManage={canManageSavedViews(role)}
          />
          <DownloadMenu
            label="the whole Actions tab"
            links={[...exportLinks(basePath, "tab", view.exportQuery, ["pdf", "zip"])]}
          />
        </div>
      </PageHeader>
      {!started && (
        <GetStarted
          slug={slug}
          steps={firstActionSteps(await serverOrigin())}
          isOwner={canManageApiKeys(role)}
        />
      )}
      <FilterWarnings warnings={view.warnings} />
      <AnalyticsFreshnessNotice freshness={freshness} timezone={program.timezone} />
      <FilterBar
        applied={filters}
        options={view.options}
        timezone={program.timezone}
        rangeDescription={scope.rangeDescription}
      />
      <NewActionsNotice
        countUrl={`${basePath}/new-count?${view.filterQuery ? `${view.filterQuery}&` : ""}since=${scope.asOf}`}
      />
      <TileSlot title="Numbers" viewKey={filtersKey} fallback={<NumberTilesSkeleton />}>
        <NumberTiles
          scope={scope}
          currency={program.currency}
          drillHref={serializeTabUrl(`${basePath}/occurrences`, { ...filters, ...chart })}
          exportBase={basePath}
          exportQuery={view.exportQuery}
        />
      </TileSlot>
      <TileSlot title="Occurrences over time" height="h-72" viewKey={filtersKey}>
        <ChartTile
          scope={scope}
          exportBase={basePath}
          exportQuery={view.exportQuery}
          properties={properties}
          annotations={listAnnotations(db.prisma, program, scope.range)}
          noteActions={(note) =>
            annotate &&
            note.noteId !== null && <DeleteNoteButton slug={slug} id={note.noteId} day={note.day} />
          }
          noteForm={
            annotate && (
              <AnnotationForm
                slug={slug}
                today={formatDate(dateOf(scope.asOf, program.timezone))}
              />
            )
          }
        />
      </TileSlot>
      <TileSlot title={tableTitle} height="h-96" viewKey={viewKey}>
        {chart.rows_by ? (
          <BreakdownTableTile
            scope={scope}
            by={chart.rows_by}
            table={table}
            chart={chart}
            basePath={basePath}
            currency={program.currency}
            exportQuery={view.exportQuery}
            properties={properties}
          />
        ) : (
          <OccurrenceTableTile
            scope={scope}
            table={table}
            chart={chart}
            properties={properties}
            slug={slug}
            basePath={basePath}
            currency={program.currency}
            exportQuery={view.exportQuery}
          />
        )}
      </TileSlot>
      <DownloadStatus />
    </section>
  );
}
