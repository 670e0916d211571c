import { breakdownLabel } from "../stats/breakdown/breakdown";
import "server-only";
import { noteLine, noteMarkers, notesOnChart } from "../annotations/chart-notes";
import { getSeries } from "../stats/get-series";
import { moneyFormatter } from "../format/format";
import { percentChange } from "../stats/percent-change";
import { comparisonWords } from "../stats/previous-period";
import { formatTileValue, NUMBER_TILES } from "../stats/number-tiles";
import { pdfRowLimit, type PdfSection } from "./pdf/tab-document";
import { tileExport, type ExportContext, type ExportTile } from "./tile-exports";

function changeText(current: number, previous: number | undefined, vs: string): string | null {
  if (previous === undefined) return null;
  if (previous === 0) return current === 0 ? `No change vs ${vs}` : `New vs ${vs}`;
  const pct = percentChange(current, previous)!;
  return `${pct > 0 ? "▲" : pct < 0 ? "▼" : "■"} ${Math.abs(pct).toFixed(1)}% vs ${vs}`;
}

async function numbersSection(ctx: ExportContext, only?: ExportTile): Promise<PdfSection> {
  const { current, previous } = await ctx.summary();
  const tiles = only ? NUMBER_TILES.filter((t) => t.exportName === only) : NUMBER_TILES;
  return {
    kind: "numbers",
    items: tiles.map(({ key, title }) => ({
      title,
      value: formatTileValue(key, current[key], ctx.currency),
      change: changeText(current[key], previous?.[key], comparisonWords(ctx.scope).vs),
    })),
  };
}

async function chartSection(ctx: ExportContext): Promise<PdfSection> {
  const [series, annotations] = await Promise.all([
    getSeries(ctx.scope),
    ctx.annotations?.() ?? [],
  ]);
  const notes = notesOnChart(annotations, series.rows, series.unit);
  return {
    kind: "chart",
    title: "Occurrences over time",
    series,
    note: `Per ${series.unit}, stacked by ${breakdownLabel(series.by).toLowerCase()}, in ${ctx.scope.timezone}.`,
    marks: noteMarkers(notes),
    notes: notes.slice(0, PDF_NOTES).map(noteLine),
    moreNotes: Math.max(0, notes.length - PDF_NOTES),
  };
}

/** Notes listed under the PDF's chart (the rest counted): the first page has room for these. */
const PDF_NOTES = 12;

/** The first rows of a tile, up to the PDF's row limit, in the screen's order; the rest counted. */
async function tableSection(tile: "table" | "actions", ctx: ExportContext): Promise<PdfSection> {
  const exp = await tileExport(tile, ctx);
  const { rows, total } = await exp.firstRows(pdfRowLimit(exp.header.length));
  const totals = exp.totals ? await exp.totals() : undefined;
  // The table's counted columns: occurrences, rewards, then the compared period's four (after
  // a breakdown's label, or after the partner, type and value; the value is a number too).
  const counted = exp.countedFrom ?? 5;
  const numericFrom = tile === "table" ? (counted === 5 ? 4 : counted) : 7;
  // The files' decimal amounts ("12.50") read with the currency sign in print, without cents
  // when every amount of the page's table is whole; the compared rewards and their change too.
  const moneyColumns = tile === "table" ? [counted + 1, counted + 4, counted + 5] : [8];
  const cents = (decimal: unknown) => Math.round(Number(decimal) * 100);
  const amounts = rows.flatMap((row) =>
    moneyColumns.filter((i) => i < row.length).map((i) => cents(row[i])),
  );
  if (totals) amounts.push(cents(totals.rewards));
  const money = moneyFormatter(amounts, ctx.currency);
  const cell = (c: unknown, i: number) => (moneyColumns.includes(i) ? money(cents(c)) : String(c));
  return {
    kind: "table",
    title: exp.title,
    header: exp.header,
    rows: rows.map((row) => row.map(cell)),
    footer: totals && [
      "Total",
      ...Array<string>(counted - 1).fill(""),
      String(totals.occurrences),
      money(cents(totals.rewards)),
    ],
    omitted: Math.max(0, total - rows.length),
    numeric: exp.header.map(
      (_, i) =>
        i >= numericFrom &&
        (i <= numericFrom + 2 || tile === "table") &&
        !(tile === "actions" && i === 9),
    ),
    // Drill-down rows: whole ISO times (with their offset), room for the reward's reason and
    // the properties.
    weights:
      tile === "actions" ? [2.3, 2.3, 1.2, 1.3, 1.1, 0.9, 0.9, 0.5, 0.7, 1.5, 1.1] : undefined,
  };
}

/** The sections of a PDF: one tile, or the whole tab (numbers, chart, table with all rows). */
export async function pdfSections(
  tile: ExportTile | "tab",
  ctx: ExportContext,
): Promise<PdfSection[]> {
  if (tile === "tab")
    return [await numbersSection(ctx), await chartSection(ctx), await tableSection("table", ctx)];
  if (tile === "chart") return [await chartSection(ctx)];
  if (tile === "table" || tile === "actions") return [await tableSection(tile, ctx)];
  return [await numbersSection(ctx, tile)];
}
