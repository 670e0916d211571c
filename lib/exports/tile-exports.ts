import "server-only";
import { getDrillDown } from "../actions-tab/query/get-drill-down";
import { getSeries } from "../actions-tab/query/get-series";
import type { Summary } from "../actions-tab/query/get-summary";
import { percentChange } from "../actions-tab/percent-change";
import { streamOccurrenceRows } from "../actions-tab/query/stream-occurrence-rows";
import type { TabScope } from "../actions-tab/query/tab-scope";
import type { DrillSelection } from "../actions-tab/search-params";
import { describeRewardOutcome } from "../rewards/describe-reward-outcome";
import { decimalMoney, isoInZone } from "./format-export";
import { NUMBER_TILES, type NumberExportName, type NumberTile } from "./number-tiles";

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
  drill: Pick<DrillSelection, "partner" | "type" | "value">;
  ruleName: (id: number) => string;
  /** The tab's numbers, computed once per download however many files or rows need them. */
  summary: () => Promise<Summary>;
}

export interface TileExport {
  title: string;
  header: string[];
  rows: AsyncIterable<unknown[][]>;
  /** A totals row after the rows (the table's), computed like the screen's totals. */
  totals?: () => Promise<unknown[]>;
}

const EXPORT_BATCH = 5000;

async function* once(rows: () => Promise<unknown[][]>) {
  yield await rows();
}

function numberExport({ key, title }: NumberTile, ctx: ExportContext): TileExport {
  const money = key === "rewardCents";
  const show = (n: number) => (money ? decimalMoney(n) : n);
  return {
    title,
    header: [
      "Metric",
      money ? `Value (${ctx.currency})` : "Value",
      money ? `Previous period (${ctx.currency})` : "Previous period",
      "Change (%)",
    ],
    rows: once(async () => {
      const { current, previous } = await ctx.summary();
      const prev = previous?.[key];
      const pct = prev === undefined ? null : percentChange(current[key], prev);
      const change = pct === null ? "" : Number(pct.toFixed(1));
      return [[title, show(current[key]), prev === undefined ? "" : show(prev), change]];
    }),
  };
}

async function chartExport(ctx: ExportContext): Promise<TileExport> {
  const series = await getSeries(ctx.scope);
  return {
    title: TILE_TITLES.chart,
    header: [
      `${series.unit[0].toUpperCase()}${series.unit.slice(1)} starting (${ctx.scope.timezone})`,
      ...series.types,
      "Total",
    ],
    rows: once(async () =>
      series.rows.map((r) => [
        r.bucket,
        ...series.types.map((t) => r[t]),
        series.types.reduce((sum, t) => sum + Number(r[t]), 0),
      ]),
    ),
  };
}

function tableExport(ctx: ExportContext): TileExport {
  return {
    title: TILE_TITLES.table,
    header: [
      "Partner name",
      "Partner email",
      "Partner key",
      "Action type",
      "Action value",
      "Occurrences",
      `Sum of rewards (${ctx.currency})`,
    ],
    rows: (async function* () {
      for await (const batch of streamOccurrenceRows(ctx.scope)) {
        yield batch.map((r) => [
          r.partnerName,
          r.partnerEmail,
          r.partnerKey,
          r.actionType,
          r.actionValue,
          r.occurrences,
          decimalMoney(r.rewardCents),
        ]);
      }
    })(),
    totals: async () => {
      const { current } = await ctx.summary();
      return ["Total", "", "", "", "", current.occurrences, decimalMoney(current.rewardCents)];
    },
  };
}

function actionsExport(ctx: ExportContext): TileExport {
  const tz = ctx.scope.timezone;
  return {
    title: TILE_TITLES.actions,
    header: [
      `Occurred (${tz})`,
      `Received (${tz})`,
      "Partner name",
      "Partner email",
      "Customer email",
      "Action key",
      "Action type",
      "Action value",
      `Reward (${ctx.currency})`,
      "Reward rule or reason",
    ],
    rows: (async function* () {
      let after: string | null = null;
      do {
        const page = await getDrillDown(ctx.scope, { ...ctx.drill, after }, EXPORT_BATCH, false);
        yield page.rows.map((r) => [
          isoInZone(r.occurredAt, tz),
          isoInZone(r.createdAt, tz),
          r.partnerName,
          r.partnerEmail,
          r.customerEmail ?? "",
          r.key,
          r.actionType,
          r.actionValue,
          decimalMoney(r.rewardCents),
          describeRewardOutcome(r.rewardOutcome, ctx.ruleName),
        ]);
        after = page.nextAfter;
      } while (after);
    })(),
  };
}

/** Rows then the totals row, as one sequence of batches (for CSV). */
export async function* allRows(exp: TileExport): AsyncGenerator<unknown[][]> {
  yield* exp.rows;
  if (exp.totals) yield [await exp.totals()];
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
