import { conversionBreakdownOf } from "@/lib/stats/conversion/conversion";
import Link from "next/link";
import { DownloadMenu, exportLinks } from "@/components/stats/download-menu";
import { EmptyResult } from "@/components/stats/empty-result";
import { Tile } from "@/components/stats/tile";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { conversionRate, type ConversionCounts } from "@/lib/stats/conversion/conversion";
import {
  serializeConversion,
  type ConversionState,
} from "@/lib/stats/conversion/conversion-params";
import { formatRate, formatWait } from "@/lib/stats/conversion/format-wait";
import { getConversion, type ConversionRow } from "@/lib/stats/conversion/get-conversion";
import type { FilterOption } from "@/lib/stats/filters/load-filter-options";
import type { TabScope } from "@/lib/stats/scope";
import { periodOnly, serializeTabUrl } from "@/lib/stats/url/search-params";
import { ConversionTable, type DrillHrefs } from "./conversion-table";

/** Rows drawn on screen; the downloads hold every row. */
export const SHOWN_ROWS = 200;

function Figure({
  label,
  children,
  testId,
}: {
  label: string;
  children: React.ReactNode;
  testId: string;
}) {
  return (
    <div className="min-w-0">
      <dt className="text-xs text-gray-500">{label}</dt>
      <dd className="text-xl font-semibold tabular-nums" data-testid={testId}>
        {children}
      </dd>
    </div>
  );
}

export async function ConversionTile({
  scope,
  prisma,
  state,
  groups,
  slug,
  filterQuery,
  ownQuery,
}: {
  scope: TabScope;
  prisma: PrismaClient;
  state: ConversionState & { question: NonNullable<ConversionState["question"]> };
  groups: FilterOption[];
  slug: string;
  filterQuery: string;
  ownQuery: string;
}) {
  const { question } = state;
  const ownState = {
    from: question.from,
    to: question.to,
    within: question.withinDays,
    by: state.by,
  };
  const data = await getConversion(scope, prisma, question, state.by, groups, state);
  const drillPath = `/p/${slug}/actions/occurrences`;
  const breakdown = conversionBreakdownOf(state.by);
  const keyedBy = breakdown !== null && typeof breakdown !== "string" ? breakdown : null;
  const drill = (converted: boolean, row?: ConversionRow) =>
    serializeTabUrl(drillPath, {
      ...scope.filters,
      from: question.from,
      to: question.to,
      within: question.withinDays,
      converted: converted ? "yes" : "no",
      partner: row?.partnerKey ?? null,
      in_group: row && row.partnerKey === null && row.byKey === null ? row.key : null,
      // Under a keyed breakdown: the row's starts by their key (the tab's breakdown selection).
      ...(row?.byKey != null && keyedBy ? { by: keyedBy, by_key: row.byKey } : {}),
    });
  const hrefs: DrillHrefs = {
    converted: (row) => drill(true, row),
    notConverted: (row) => drill(false, row),
  };
  const total: ConversionCounts = data.total;
  const title = `${question.from} → ${question.to} within ${question.withinDays} day${question.withinDays === 1 ? "" : "s"}`;
  const query = [filterQuery, ownQuery].filter(Boolean).join("&");
  // Reset filters keeps the period and the question asked.
  const resetQuery = [serializeTabUrl("", periodOnly(scope.filters)).replace(/^\?/, ""), ownQuery]
    .filter(Boolean)
    .join("&");
  return (
    <Tile
      title={title}
      menu={
        <DownloadMenu
          label="the conversion"
          links={exportLinks(`/p/${slug}/conversion`, "conversion", query, ["csv", "pdf"])}
        />
      }
    >
      {total.starts === 0 ? (
        <EmptyResult
          of="actions"
          filters={scope.filters}
          resetHref={`/p/${slug}/conversion?${resetQuery}`}
          className="py-10"
        />
      ) : (
        <div className="space-y-4">
          <dl className="grid grid-cols-2 gap-3 sm:grid-cols-5">
            <Figure label={`Started (${question.from})`} testId="conversion-starts">
              {total.starts.toLocaleString("en-US")}
            </Figure>
            <Figure label={`Reached ${question.to}`} testId="conversion-converted">
              <Link href={hrefs.converted()} className="text-blue-600 hover:underline">
                {total.converted.toLocaleString("en-US")}
              </Link>
            </Figure>
            <Figure label="Conversion rate" testId="conversion-rate">
              {formatRate(conversionRate(total))}
            </Figure>
            <Figure label="Median time to convert" testId="conversion-median">
              {formatWait(total.medianMs)}
            </Figure>
            <Figure label="90th percentile" testId="conversion-p90">
              {formatWait(total.p90Ms)}
            </Figure>
          </dl>
          <p className="text-sm">
            <Link
              href={hrefs.notConverted()}
              className="text-blue-600 hover:underline"
              data-testid="conversion-not-converted"
            >
              {(total.starts - total.converted).toLocaleString("en-US")} did not convert
            </Link>
          </p>
          <ConversionTable
            rows={data.rows.slice(0, SHOWN_ROWS)}
            totalRows={data.rows.length}
            state={state}
            hrefs={hrefs}
            sortHref={(sort, dir) => {
              const own = serializeConversion({ ...ownState, conv_sort: sort, conv_dir: dir });
              return `/p/${slug}/conversion?${[filterQuery, own.slice(1)].filter(Boolean).join("&")}`;
            }}
          />
        </div>
      )}
    </Tile>
  );
}
