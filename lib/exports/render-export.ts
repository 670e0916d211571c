import "server-only";
import { loadView } from "../stats/load-view";
import { getSummary } from "../stats/get-summary";
import { serializeTabUrl } from "../stats/url/search-params";
import type { TabSources } from "../stats/sources";
import { loadRuleNames } from "../rewards/load-rule-names";
import { csvStream, primed } from "./csv";
import { exportErrorPage } from "./export-error-page";
import { filtersSummary } from "./filters-summary";
import { attachmentHeaders, exportFilename } from "./format-export";
import { PdfBusyError, renderPdf, withPdfSlot } from "./pdf/render-pdf";
import { pdfSections } from "./pdf-sections";
import {
  csvParts,
  EXPORT_TILES,
  TILE_TITLES,
  tileExport,
  type ExportContext,
  type ExportTile,
} from "./tile-exports";
import { zipStream } from "./zip-stream";

/** Runs `fn` at most once and hands every caller the same promise. */
function once<T>(fn: () => Promise<T>): () => Promise<T> {
  let result: Promise<T> | undefined;
  return () => (result ??= fn());
}

const FILE = /^(?<tile>[a-z-]+)\.(?<format>csv|pdf|zip)$/;
/** The table's CSV with a marked totals row after the data ("CSV with totals" in the ⋮ menu). */
const WITH_TOTALS = "table-with-totals.csv";

const slugOf = (title: string) =>
  title
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");

/**
 * Answers one download: the same URL parameters as the tab, read by the same loader and computed
 * by the same query module. CSV and zip stream in batches; PDFs are rendered (one at a time)
 * then sent. Scheduled deliveries build their files here too, with `now` their sending instant.
 */
export async function renderExport(
  sources: TabSources,
  program: { id: number; slug: string; name: string; timezone: string; currency: string },
  file: string,
  url: URL,
  now?: number,
): Promise<Response> {
  const tabHref = `/p/${program.slug}/actions${url.search}`;
  const withTotals = file === WITH_TOTALS;
  const match = FILE.exec(withTotals ? "table.csv" : file);
  const tile = match?.groups?.tile as ExportTile | "tab" | undefined;
  const format = match?.groups?.format;
  const valid =
    tile &&
    format &&
    (tile === "tab"
      ? format !== "csv"
      : (EXPORT_TILES as readonly string[]).includes(tile) && format !== "zip");
  if (!valid)
    return exportErrorPage(
      404,
      `There is no download called “${file}”. Use the ⋮ menu of a tile or of the tab.`,
      tabHref,
    );

  try {
    const view = await loadView(sources, program, Object.fromEntries(url.searchParams), { now });
    const ctx: ExportContext = {
      scope: view.scope,
      currency: program.currency,
      table: view.table,
      drill: view.drill,
      ruleNames: await loadRuleNames(sources.db.prisma, program.id),
      summary: once(() => getSummary(view.scope)),
    };
    const filterLines = [
      ...filtersSummary(view.scope, view.options, program.name),
      ...view.warnings.map((w) => `Note: ${w}`),
    ];
    const name = (t: string, ext: string) =>
      exportFilename(program.slug, t, view.scope.asOf, program.timezone, ext);

    if (format === "csv") {
      const exp = await tileExport(tile as ExportTile, ctx);
      const [rows, ...after] = csvParts(exp, withTotals);
      return new Response(csvStream(exp.header, [await primed(rows), ...after]), {
        headers: attachmentHeaders(
          name(withTotals ? "table-with-totals" : tile!, "csv"),
          "text/csv; charset=utf-8",
        ),
      });
    }
    if (format === "zip") {
      const entries = [];
      for (const t of EXPORT_TILES) {
        const exp = await tileExport(t, ctx);
        entries.push({
          name: `${slugOf(TILE_TITLES[t])}.csv`,
          csv: { header: exp.header, parts: csvParts(exp) },
        });
      }
      entries.push({
        name: "filters.txt",
        text: `Actions tab export\r\n${filterLines.join("\r\n")}\r\nTab: ${serializeTabUrl(`/p/${program.slug}/actions`, view.filters)}\r\n`,
      });
      return new Response(zipStream(entries), {
        headers: attachmentHeaders(name("tab", "zip"), "application/zip"),
      });
    }
    const title = tile === "tab" ? "Actions tab" : TILE_TITLES[tile as ExportTile];
    // The data is read inside the slot too: six PDFs at once must not hold six tables in memory.
    const pdf = await withPdfSlot(async () =>
      renderPdf({
        title,
        programName: program.name,
        filterLines,
        sections: await pdfSections(tile!, ctx),
      }),
    );
    return new Response(new Uint8Array(pdf), {
      headers: attachmentHeaders(name(tile!, "pdf"), "application/pdf"),
    });
  } catch (error) {
    if (error instanceof PdfBusyError) {
      const busy = exportErrorPage(503, error.message, tabHref);
      busy.headers.set("Retry-After", String(error.retryAfterSeconds));
      return busy;
    }
    console.error("Export failed", error);
    return exportErrorPage(
      500,
      "Something went wrong while preparing this download. Nothing was sent; please try again.",
      tabHref,
    );
  }
}
