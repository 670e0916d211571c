import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ChartTile } from "@/components/stats/chart-tile";
import { TileSlot } from "@/components/stats/tile-slot";
import { FilterWarnings } from "@/components/stats/filter-warnings";
import { PartnerAttributesCard } from "../_components/partner-attributes-card";
import { PartnerOccurrences } from "../_components/partner-occurrences";
import { PartnerPeriodBar } from "../_components/partner-period-bar";
import { ReferredCustomers } from "../_components/referred-customers";
import { RewardsByStatusCard } from "../_components/rewards-by-status-card";
import { AnalyticsFreshnessNotice } from "@/components/ui/analytics-freshness-notice";
import { PageHeader } from "@/components/ui/page-header";
import { storableTextProblem } from "@/lib/validation/storable-text";
import { getAnalyticsFreshness } from "@/lib/stats/get-analytics-freshness";
import { loadView } from "@/lib/stats/load-view";
import { listAnnotations } from "@/lib/annotations/list-annotations";
import { serializeTabUrl } from "@/lib/stats/url/search-params";
import { describeTimeframe } from "@/lib/stats/timeframe/timeframe";
import { findPartner, referredCustomers } from "@/lib/partners/load-partner";
import { rewardsByStatus } from "@/lib/stats/partner-records";
import { openProgramPage, type ProgramPageProps } from "@/lib/programs/open-program-page";

export const metadata: Metadata = { title: "Partner" };

type Props = Omit<ProgramPageProps, "params"> & {
  params: Promise<{ slug: string; partnerKey: string }>;
};

/** A segment that arrived still percent-encoded, decoded; a malformed escape is kept as is. */
function decodedKey(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

export default async function PartnerPage(props: Props) {
  const [{ slug, query, program, db, sources }, { partnerKey: rawKey }] = await Promise.all([
    openProgramPage(props),
    props.params,
  ]);
  // A key PostgreSQL could not hold (NUL, a lone surrogate, too long) names no partner.
  const lookUp = (key: string) =>
    key.length > 255 || storableTextProblem(key) !== null ? null : findPartner(db, program.id, key);
  const partner = (await lookUp(rawKey)) ?? (await lookUp(decodedKey(rawKey)));
  if (!partner) notFound();
  const { partnerKey } = partner;

  // The tab's URL conventions: timeframe, timescale and the filters on actions apply; the
  // partner is the only partner filter.
  const tabSources = await sources();
  const { filters, scope, warnings } = await loadView(tabSources, program, query, {
    reads: "filters",
    partnershipId: partner.id,
  });
  const [rewards, referred, freshness] = await Promise.all([
    rewardsByStatus(db, { ...scope, partnershipId: partner.id }),
    referredCustomers(db, program.id, partner.id),
    getAnalyticsFreshness(db.prisma, tabSources.analytics, program.id, scope.asOf),
  ]);
  const tabPath = `/p/${slug}/actions`;
  const viewKey = serializeTabUrl("", filters);
  const drillHref = serializeTabUrl(`${tabPath}/occurrences`, { ...filters, partner: partnerKey });

  return (
    <section className="space-y-4">
      <Link
        href={`/p/${slug}/partners`}
        className="text-sm font-medium text-blue-600 hover:underline"
      >
        ← All partners
      </Link>
      <PageHeader
        title={partner.name}
        description={
          <>
            {/* An email can be wider than a phone: it breaks where it must. */}
            <span className="[overflow-wrap:anywhere]">{partner.email}</span> · timeframe{" "}
            {describeTimeframe(filters.timeframe)}: <strong>{scope.rangeDescription}</strong>, times
            in {program.timezone}.
          </>
        }
      >
        <Link href={drillHref} className="text-sm font-medium text-blue-600 hover:underline">
          Every action of this partner →
        </Link>
      </PageHeader>
      <FilterWarnings warnings={warnings} />
      <AnalyticsFreshnessNotice freshness={freshness} timezone={program.timezone} />
      <PartnerPeriodBar
        applied={filters}
        timezone={program.timezone}
        rangeDescription={scope.rangeDescription}
      />
      <div className="grid gap-4 lg:grid-cols-3">
        <PartnerAttributesCard partner={partner} timezone={program.timezone} />
        <RewardsByStatusCard rewards={rewards} currency={program.currency} />
        <ReferredCustomers referred={referred} timezone={program.timezone} />
      </div>
      <TileSlot title="Occurrences over time" height="h-72" viewKey={viewKey}>
        <ChartTile
          scope={scope}
          // The program's notes (a rule changed, a launch) read here too; they are added on the tab.
          annotations={listAnnotations(db.prisma, program, scope.range)}
        />
      </TileSlot>
      <TileSlot title="Actions by type and value" height="h-64" viewKey={viewKey}>
        <PartnerOccurrences
          scope={scope}
          partnerKey={partnerKey}
          tabPath={tabPath}
          currency={program.currency}
        />
      </TileSlot>
    </section>
  );
}
