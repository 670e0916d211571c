import type { Metadata } from "next";
import { cookies } from "next/headers";
import { notFound } from "next/navigation";
import { ChartTile } from "@/components/stats/chart-tile";
import { FilterWarnings } from "@/components/stats/filter-warnings";
import { AuthCard } from "@/components/ui/auth-card";
import { getDatabase } from "@/lib/db/client";
import { describeFilters } from "@/lib/exports/filters-summary";
import { listAnnotations } from "@/lib/annotations/list-annotations";
import { getAuthSecret } from "@/lib/security/auth-secret";
import { findShareLink, mayOpen, shareCookieName } from "@/lib/share-links/open-share-link";
import { shareLinkPath } from "@/lib/share-links/share-link-path";
import { frameParam } from "@/lib/share-links/embed-origins";
import { sharedViewQuery } from "@/lib/share-links/shared-view-query";
import { loadView } from "@/lib/stats/load-view";
import { openTabSources } from "@/lib/stats/sources";
import { describeTimeframe } from "@/lib/stats/timeframe/timeframe";
import { filtersInForce } from "@/lib/stats/url/search-params";
import { NumberTiles } from "@/components/stats/number-tiles";
import { breakdownTableTitle } from "@/lib/stats/breakdown/breakdown";
import { SharePasswordForm } from "./_components/share-password-form";
import { SharedTable } from "./_components/shared-table";

export const metadata: Metadata = {
  title: "Shared view",
  robots: { index: false, follow: false },
};

interface SharePageProps {
  params: Promise<{ program: string; token: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

/**
 * A saved view opened by its share link, signed out: the view's numbers, chart and table with its
 * filters locked (the URL may page the table and hide a chart series, nothing else), no link to
 * any other page, drill-down or download. A revoked, expired or unknown link is a 404.
 */
export default async function SharePage({ params, searchParams }: SharePageProps) {
  const [{ program: programParam, token }, search, db] = await Promise.all([
    params,
    searchParams,
    getDatabase(),
  ]);
  const link = await findShareLink(db.prisma, Number(programParam), token);
  if (!link) notFound();
  // An embed URL (`?frame=`) opens only with the link's own list of sites: the proxy let exactly
  // the sites the URL names frame this response.
  const frame = search.frame;
  if (frame !== undefined && (!link.embedOrigins.length || frame !== frameParam(link.embedOrigins)))
    notFound();
  const path = shareLinkPath(link.programId, token);
  const cookie = (await cookies()).get(shareCookieName(link))?.value;
  if (!mayOpen(link, cookie, getAuthSecret())) {
    return (
      <AuthCard
        title={link.view.name}
        intro={`${link.program.name} shared this view with a password. Enter it to see the numbers.`}
      >
        <SharePasswordForm programId={link.programId} token={token} />
      </AuthCard>
    );
  }

  const { program } = link;
  const view = await loadView(
    await openTabSources(db),
    program,
    sharedViewQuery(link.view.query, search),
  );
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
        <h1 className="text-2xl font-semibold">{link.view.name}</h1>
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
        pageHref={(n) =>
          `${path}?${new URLSearchParams({ ...(frame ? { frame: String(frame) } : {}), page: String(n) })}`
        }
        title={
          chart.rows_by ? breakdownTableTitle(chart.rows_by) : "Actions by partner, type and value"
        }
        currency={program.currency}
      />
    </main>
  );
}
