import "server-only";
import type { Annotation } from "../annotations/list-annotations";
import { propertiesCell } from "../stats/property-text";
import { countedColumns, occurrenceTableHeader } from "./table-header";
import { getBreakdownTable } from "../stats/get-breakdown-table";
import { breakdownLabel, type Breakdown } from "../stats/breakdown/breakdown";
import { drillOrder, getDrillDown } from "../stats/get-drill-down";
import { getOccurrenceTable } from "../stats/get-occurrence-table";
import { getSeries } from "../stats/get-series";
import { periodLabel, soFar } from "../stats/chart/period-label";
import type { Summary } from "../stats/get-summary";
import { percentChange } from "../stats/percent-change";
import { comparisonWords, describePreviousPeriod } from "../stats/previous-period";
import type { TabScope } from "../stats/scope";
import type { DrillSelection, TableState } from "../stats/url/search-params";
import { describeRewardOutcome } from "../rewards/describe-reward-outcome";
import { csvBytes } from "./csv";
import { isoInZone } from "../time/format";
import { decimalMoney } from "./format-export";
import { NUMBER_TILES, type NumberExportName, type NumberTile } from "../stats/number-tiles";

const NUMBER_BY_EXPORT = new Map<string, NumberTile>(NUMBER_TILES.map((t) => [t.exportName, t]));

export type ExportTile = NumberExportName | "chart" | "table" | "actions";
export const EXPORT_TILES: readonly ExportTile[] = [
  ...NUMBER_TILES.map((t) => t.exportName),
  "chart",
  "table",
  "actions",
];

export const TILE_TITLES: Record<ExportTile, string> = {
  ...(Object.fromEntries(NUMBER_TILES.map((t) => [t.exportName, t.title])) as Record<
    NumberExportName,
    string
  >),
  chart: "Occurrences over time",
  table: "Actions by partner, type and value",
  actions: "Actions (drill-down rows)",
};

export interface ExportContext {
  scope: TabScope;
  currency: string;
  /** The screen's table order: files list rows as the screen's pages do. */
  table: Pick<TableState, "sort" | "dir">;
  /** The drill-down's selection and order (the file keeps the screen's order). */
  drill: Pick<DrillSelection, "partner" | "type" | "value"> &
    Partial<Pick<DrillSelection, "drill_sort" | "drill_dir">>;
  /** Rule id → name for the program (`Rule <id>` for a rule no longer there). */
  ruleNames: Map<number, string>;
  /** The tab's numbers, computed once per download however many files or rows need them. */
  summary: () => Promise<Summary>;
  /** The notes on the view's time axis (lib/annotations), drawn on the PDF's chart. */
  annotations?: () => Promise<Annotation[]>;
}

interface TileExport {
  title: string;
  /** The columns' names as the PDF's table prints them (its first page names the dates). */
  header: string[];
  /**
   * The CSV's header row: the same columns, the counted ones naming the timeframe's days, as a
   * file travels without its name (a saved view's download is named after the view).
   */
  csvHeader: string[];
  /** Every data row as CSV lines (no header), in the screen's order. */
  csv: () => AsyncIterable<Uint8Array>;
  /** The first `limit` rows as cells and how many rows there are in all (PDFs). */
  firstRows: (limit: number) => Promise<{ rows: unknown[][]; total: number }>;
  /** The table's totals, computed like the screen's totals ("CSV with totals", PDF footer). */
  totals?: () => Promise<{ occurrences: number; rewards: string }>;
  /** Where the counted columns start (occurrences, then rewards): the PDF aligns and sums them. */
  countedFrom?: number;
}

/** A tile whose few rows are computed in JavaScript. */
function smallExport(
  title: string,
  header: string[],
  rows: () => Promise<unknown[][]>,
): TileExport {
  return {
    title,
    header,
    csvHeader: header,
    csv: () => csvBytes(rows),
    firstRows: async (limit) => {
      const all = await rows();
      return { rows: all.slice(0, limit), total: all.length };
    },
  };
}

/**
 * A column counted over the timeframe, named with its last days included, as the number tiles'
 * header names them: "Occurrences for 2026-09-01 – 2026-11-30", "… for all time".
 */
function forTimeframe(column: string, scope: TabScope): string {
  return `${column} for ${scope.rangeDescription}`;
}

function numberExport({ key, title }: NumberTile, ctx: ExportContext): TileExport {
  const money = key === "rewardCents";
  const show = (n: number) => (money ? decimalMoney(n) : n);
  const unit = money ? ` (${ctx.currency})` : "";
  // The header names the dates (last days included): a lone number means nothing without them.
  const previousDates = describePreviousPeriod(ctx.scope);
  const header = [
    "Metric",
    forTimeframe(`Value${unit}`, ctx.scope),
    `${comparisonWords(ctx.scope).title}${unit}${previousDates ? ` for ${previousDates}` : ""}`,
    "Change (%)",
  ];
  return smallExport(title, header, async () => {
    const { current, previous } = await ctx.summary();
    const prev = previous?.[key];
    const pct = prev === undefined ? null : percentChange(current[key], prev);
    const change = pct === null ? "" : Number(pct.toFixed(1));
    return [[title, show(current[key]), prev === undefined ? "" : show(prev), change]];
  });
}

async function chartExport(ctx: ExportContext): Promise<TileExport> {
  const series = await getSeries(ctx.scope);
  // Hidden series are left out, as on screen; the total's header says so.
  const drawn = series.types.filter((t) => !series.hidden.includes(t));
  const header = [
    `${series.unit[0].toUpperCase()}${series.unit.slice(1)} starting (${ctx.scope.timezone})`,
    "Period",
    ...drawn,
    series.hidden.length > 0
      ? `Total of shown series (hidden: ${series.hidden.join(", ")})`
      : "Total",
    // The chart's line: the compared period's bucket beside each bucket, and its total.
    ...(series.compared
      ? [
          `${series.compared.title}: period (${series.compared.dates})`,
          `${series.compared.title}: total of all types`,
        ]
      : []),
  ];
  return smallExport(TILE_TITLES.chart, header, async () =>
    series.rows.map((r, i) => {
      const period = periodLabel(r.bucket, series.unit);
      const point = series.compared?.points[i];
      return [
        r.bucket,
        r.bucket === series.partialBucket ? soFar(period) : period,
        ...drawn.map((t) => r[t]),
        drawn.reduce((sum, t) => sum + Number(r[t]), 0),
        ...(point ? [periodLabel(point.bucket, series.unit), point.occurrences] : []),
      ];
    }),
  );
}

/** The counted cells of a row: occurrences, rewards, then the compared period's four. */
function countedCells(r: {
  occurrences: number;
  rewardCents: number;
  previousOccurrences: number | null;
  previousRewardCents: number | null;
}) {
  return [
    r.occurrences,
    decimalMoney(r.rewardCents),
    ...(r.previousOccurrences === null || r.previousRewardCents === null
      ? []
      : [
          r.previousOccurrences,
          r.occurrences - r.previousOccurrences,
          decimalMoney(r.previousRewardCents),
          decimalMoney(r.rewardCents - r.previousRewardCents),
        ]),
  ];
}

/** The counted columns' CSV headers: the timeframe's name its dates, the compared ones theirs. */
function countedCsvHeader(header: string[], from: number, ctx: ExportContext) {
  const previousDates = describePreviousPeriod(ctx.scope);
  return header.map((c, i) =>
    i === from || i === from + 1
      ? forTimeframe(c, ctx.scope)
      : i > from + 1 && !c.startsWith("Change") && previousDates
        ? `${c} for ${previousDates}`
        : c,
  );
}

/**
 * The table grouped by a breakdown (`rows_by`): one row per key with its label, in the screen's
 * order, every row (the rows are few: groups, tags, managers… at most a row per partner or
 * property value).
 */
function breakdownTableExport(ctx: ExportContext, by: Breakdown): TileExport {
  const header = [
    breakdownLabel(by),
    ...countedColumns(ctx.currency, ctx.scope.previous ? comparisonWords(ctx.scope).title : null),
  ];
  const rows = async (limit: number | null) => {
    const table = await getBreakdownTable(ctx.scope, by, { ...ctx.table, page: 1 }, limit);
    return { rows: table.rows.map((r) => [r.label, ...countedCells(r)]), total: table.totalRows };
  };
  return {
    title: `${TILE_TITLES.table.replace(/ by .*/, "")} by ${breakdownLabel(by).toLowerCase()}`,
    header,
    csvHeader: countedCsvHeader(header, 1, ctx),
    csv: () => csvBytes(async () => (await rows(null)).rows),
    firstRows: rows,
    totals: async () => {
      const { current } = await ctx.summary();
      return { occurrences: current.occurrences, rewards: decimalMoney(current.rewardCents) };
    },
    countedFrom: 1,
  };
}

function tableExport(ctx: ExportContext): TileExport {
  if (ctx.scope.rowsBy) return breakdownTableExport(ctx, ctx.scope.rowsBy);
  const header = occurrenceTableHeader(
    ctx.currency,
    ctx.scope.previous ? comparisonWords(ctx.scope).title : null,
  );
  return {
    title: TILE_TITLES.table,
    header,
    // The timeframe's columns name its dates, the compared period's columns theirs.
    csvHeader: countedCsvHeader(header, 5, ctx),
    countedFrom: 5,
    csv: () => ctx.scope.engine.occurrenceCsv(ctx.scope, ctx.table),
    firstRows: async (limit) => {
      const table = await getOccurrenceTable(ctx.scope, { ...ctx.table, page: 1 }, limit);
      return {
        rows: table.rows.map((r) => [
          r.partnerName,
          r.partnerEmail,
          r.partnerKey,
          r.actionType,
          r.actionValue,
          ...countedCells(r),
        ]),
        total: table.totalRows,
      };
    },
    totals: async () => {
      const { current } = await ctx.summary();
      return { occurrences: current.occurrences, rewards: decimalMoney(current.rewardCents) };
    },
  };
}

function actionsExport(ctx: ExportContext): TileExport {
  const tz = ctx.scope.timezone;
  const ruleName = (id: number) => ctx.ruleNames.get(id) ?? `Rule ${id}`;
  const occurred = `Occurred (${tz})`;
  const header = [
    occurred,
    `Received (${tz})`,
    "Partner name",
    "Partner email",
    "Customer email",
    "Action key",
    "Action type",
    "Action value",
    `Reward (${ctx.currency})`,
    "Reward rule or reason",
    "Properties",
  ];
  return {
    title: TILE_TITLES.actions,
    header,
    // The rows are the actions that occurred in the timeframe (received at any time).
    csvHeader: [forTimeframe(occurred, ctx.scope), ...header.slice(1)],
    csv: () =>
      ctx.scope.engine.drillCsv(ctx.scope, ctx.drill, drillOrder(ctx.drill), ctx.ruleNames),
    firstRows: async (limit) => {
      const page = await getDrillDown(
        ctx.scope,
        { ...ctx.drill, after: null, before: null },
        limit,
      );
      return {
        rows: page.rows.map((r) => [
          isoInZone(r.occurredAt, tz),
          isoInZone(r.createdAt, tz),
          r.partnerName,
          r.partnerEmail,
          r.customerEmail ?? "",
          r.key,
          r.actionType,
          r.actionValue,
          decimalMoney(r.rewardCents),
          describeRewardOutcome(r.rewardOutcome, ruleName),
          propertiesCell(r.properties),
        ]),
        total: page.total,
      };
    },
  };
}

/** The totals variant's last row, marked so no one reads it as a partner. */
export const TOTALS_LABEL = "Total (all rows — not a partner)";

/** The data rows, then (with totals) the marked totals row, as the parts of one CSV file. */
export function csvParts(exp: TileExport, withTotals = false): AsyncIterable<Uint8Array>[] {
  const totals = exp.totals;
  if (!withTotals || !totals) return [exp.csv()];
  return [
    exp.csv(),
    csvBytes(async () => {
      const t = await totals();
      const gap = Array<string>((exp.countedFrom ?? 5) - 1).fill("");
      return [[TOTALS_LABEL, ...gap, t.occurrences, t.rewards]];
    }),
  ];
}

/**
 * One tile's export: its title, header and rows (lazily read batches), computed by the tab's
 * own query module so files and screen agree.
 */
export async function tileExport(tile: ExportTile, ctx: ExportContext): Promise<TileExport> {
  const numberTile = NUMBER_BY_EXPORT.get(tile);
  if (numberTile) return numberExport(numberTile, ctx);
  if (tile === "chart") return chartExport(ctx);
  if (tile === "table") return tableExport(ctx);
  return actionsExport(ctx);
}
