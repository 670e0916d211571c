import "server-only";
import { notesOnChart } from "../annotations/chart-notes";
import { listAnnotations } from "../annotations/list-annotations";
import { invalidFields } from "../errors/domain-error";
import { serializeBreakdown } from "../stats/breakdown/breakdown";
import { periodLabel } from "../stats/chart/period-label";
import { getBreakdownTable } from "../stats/get-breakdown-table";
import { getOccurrenceTable } from "../stats/get-occurrence-table";
import { getSeries } from "../stats/get-series";
import { getSummary, type SummaryNumbers } from "../stats/get-summary";
import { loadView } from "../stats/load-view";
import { whatMoved } from "../stats/what-moved";
import { comparisonWords, describeRange } from "../stats/previous-period";
import type { TabSources } from "../stats/sources";
import type { OccurrenceRow, BreakdownRow } from "../stats/engine";
import type { ActionsReport, ReportActionsQuery } from "./report-schema";

interface ReportProgram {
  id: number;
  slug: string;
  timezone: string;
  currency: string;
}

const numbersOf = (n: SummaryNumbers) => ({
  occurrences: n.occurrences,
  total_value: n.totalValue,
  rewards: n.rewardCents,
  partners: n.partners,
  customers: n.customers,
});

const countedOf = (
  r: Pick<
    OccurrenceRow,
    "occurrences" | "rewardCents" | "previousOccurrences" | "previousRewardCents"
  >,
) => ({
  occurrences: r.occurrences,
  rewards: r.rewardCents,
  previous_occurrences: r.previousOccurrences,
  previous_rewards: r.previousRewardCents,
});

const detailedItem = (r: OccurrenceRow) => ({
  partner_key: r.partnerKey,
  partner_name: r.partnerName,
  partner_email: r.partnerEmail,
  action_type: r.actionType,
  action_value: r.actionValue,
  ...countedOf(r),
});

const groupedItem = (r: BreakdownRow) => ({ key: r.key, label: r.label, ...countedOf(r) });

/**
 * The Actions tab of `query` as data: the same view loader, engine and functions as the page
 * (tiles, chart series, the table's page), so the numbers are the tab's. Unlike the page, which
 * shows a notice and drops a bad value, a bad or unknown parameter is a 422 naming it.
 */
export async function actionsReport(
  sources: TabSources,
  program: ReportProgram,
  { limit, explain, ...tabParams }: ReportActionsQuery,
  now = Date.now(),
): Promise<ActionsReport> {
  const view = await loadView(sources, program, tabParams, { now });
  if (view.problems.length > 0) throw invalidFields(view.problems);
  const { scope, chart, table } = view;
  const rowsBy = chart.rows_by;
  // One read of the tiles for the tiles, the totals row and what moved them.
  const tiles = getSummary(scope);
  const [summary, series, annotations, page, moved] = await Promise.all([
    tiles,
    getSeries(scope),
    listAnnotations(sources.db.prisma, program, scope.range),
    rowsBy
      ? getBreakdownTable(scope, rowsBy, table, limit).then((t) => ({
          ...t,
          items: t.rows.map(groupedItem),
        }))
      : getOccurrenceTable(scope, table, limit).then((t) => ({
          ...t,
          items: t.rows.map(detailedItem),
        })),
    explain ? whatMoved(scope, tiles) : undefined,
  ]);
  const hidden = new Set(series.hidden);
  const compared = series.compared;
  const previous = scope.previous;
  return {
    timezone: program.timezone,
    currency: program.currency,
    view: {
      query: view.filterQuery,
      tab_path: `/p/${program.slug}/actions${view.filterQuery ? `?${view.filterQuery}` : ""}`,
      timeframe: { ...scope.range, description: scope.rangeDescription },
      compared: previous && {
        ...previous,
        description: describeRange(previous, scope.timezone) ?? "",
        title: comparisonWords(scope).title,
      },
    },
    tiles: {
      current: numbersOf(summary.current),
      previous: summary.previous && numbersOf(summary.previous),
    },
    series: {
      timescale: series.unit,
      stacked_by: serializeBreakdown(series.by),
      names: series.types.map((name) => ({
        name,
        color: series.colors[name] ?? null,
        hidden: hidden.has(name),
      })),
      buckets: series.rows.map((row, i) => {
        const values = Object.fromEntries(series.types.map((t) => [t, Number(row[t] ?? 0)]));
        return {
          start: row.bucket,
          label: periodLabel(row.bucket, series.unit),
          partial: row.bucket === series.partialBucket,
          total: Object.values(values).reduce((sum, n) => sum + n, 0),
          values,
          compared: compared ? (compared.points[i]?.occurrences ?? 0) : null,
        };
      }),
    },
    table: {
      grouped_by: rowsBy ? serializeBreakdown(rowsBy) : null,
      sort: table.sort,
      dir: table.dir,
      page: page.page,
      limit,
      total: page.totalRows,
      has_more: page.page * limit < page.totalRows,
      items: page.items,
      totals: {
        occurrences: summary.current.occurrences,
        rewards: summary.current.rewardCents,
        previous_occurrences: summary.previous?.occurrences ?? null,
        previous_rewards: summary.previous?.rewardCents ?? null,
      },
    },
    ...(explain && {
      movers:
        moved?.movers.map((m) => ({
          by: serializeBreakdown(m.by),
          key: m.key,
          label: m.label,
          occurrences: m.occurrences,
          previous_occurrences: m.previousOccurrences,
          change: m.change,
          share: m.share,
        })) ?? null,
    }),
    annotations: notesOnChart(annotations, series.rows, series.unit).map((note) => ({
      day: note.day,
      bucket: series.rows[note.i].bucket,
      text: note.text,
      origin: note.origin,
      author: note.author,
      created_at: note.createdAt,
    })),
  };
}
