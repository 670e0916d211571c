import "server-only";
import { listAnnotations } from "../annotations/list-annotations";
import { loadView } from "../stats/load-view";
import { getSummary } from "../stats/get-summary";
import { serializeTabUrl } from "../stats/url/search-params";
import type { TabSources } from "../stats/sources";
import { loadRuleNames } from "../rewards/load-rule-names";
import { csvStream, primed } from "./csv";
import type { ExportResult } from "./export-file";
import { filtersSummary } from "./filters-summary";
import { fileLabel } from "./file-label";
import { exportFilename } from "./format-export";
import { findViewName } from "../saved-views/find-view-name";
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

const FILE_WHAT: Record<string, string> = { tab: "actions", actions: "drill-down" };

const slugOf = (title: string) =>
  title
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");

/**
 * Builds one download as data: the same URL parameters as the tab, read by the same loader and
 * computed by the same query module. CSV and zip stream in batches; PDFs are rendered (one at a
 * time) into bytes. An unknown file name or a busy PDF renderer is a refusal with the reason a
 * person reads; anything else that goes wrong before the first byte throws. The download route
 * wraps the result in a `Response` (`exportResponse`); scheduled deliveries call it with `now`
 * their sending instant and their saved view's name (`viewName`; a download looks it up by its
 * filters), which names the file.
 */
export async function buildExport(
  sources: TabSources,
  program: { id: number; slug: string; name: string; timezone: string; currency: string },
  file: string,
  query: URLSearchParams,
  now?: number,
  viewName?: string,
): Promise<ExportResult> {
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
    return {
      status: 404,
      message: `There is no download called “${file}”. Use the ⋮ menu of a tile or of the tab.`,
    };

  const view = await loadView(sources, program, Object.fromEntries(query), { now });
  const ctx: ExportContext = {
    scope: view.scope,
    currency: program.currency,
    table: view.table,
    drill: view.drill,
    ruleNames: await loadRuleNames(sources.db.prisma, program.id),
    summary: once(() => getSummary(view.scope)),
    annotations: () => listAnnotations(sources.db.prisma, program, view.scope.range),
  };
  const filterLines = [
    ...filtersSummary(view.scope, view.options, program.name),
    ...view.warnings.map((w) => `Note: ${w}`),
  ];
  const label = fileLabel(
    view.filters.timeframe,
    viewName ?? (await findViewName(sources.db.prisma, program.id, view.filterQuery)),
  );
  // The whole tab is "actions" (the tab's name); its drill-down rows are "drill-down".
  const name = (t: string, ext: string) =>
    exportFilename(program.slug, FILE_WHAT[t] ?? t, view.scope.asOf, program.timezone, ext, label);

  if (format === "csv") {
    const exp = await tileExport(tile as ExportTile, ctx);
    const [rows, ...after] = csvParts(exp, withTotals);
    return {
      name: name(withTotals ? "table-with-totals" : tile!, "csv"),
      contentType: "text/csv; charset=utf-8",
      body: csvStream(exp.csvHeader, [await primed(rows), ...after]),
    };
  }
  if (format === "zip") {
    const entries = [];
    for (const t of EXPORT_TILES) {
      const exp = await tileExport(t, ctx);
      entries.push({
        name: `${slugOf(TILE_TITLES[t])}.csv`,
        csv: { header: exp.csvHeader, parts: csvParts(exp) },
      });
    }
    entries.push({
      name: "filters.txt",
      text: `Actions tab export\r\n${filterLines.join("\r\n")}\r\nTab: ${serializeTabUrl(`/p/${program.slug}/actions`, view.filters)}\r\n`,
    });
    return { name: name("tab", "zip"), contentType: "application/zip", body: zipStream(entries) };
  }
  const title = tile === "tab" ? "Actions tab" : TILE_TITLES[tile as ExportTile];
  try {
    // The data is read inside the slot too: six PDFs at once must not hold six tables in memory.
    const pdf = await withPdfSlot(async () =>
      renderPdf({
        title,
        programName: program.name,
        filterLines,
        sections: await pdfSections(tile!, ctx),
      }),
    );
    return { name: name(tile!, "pdf"), contentType: "application/pdf", body: new Uint8Array(pdf) };
  } catch (error) {
    if (error instanceof PdfBusyError)
      return { status: 503, message: error.message, retryAfterSeconds: error.retryAfterSeconds };
    throw error;
  }
}
