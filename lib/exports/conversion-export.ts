import "server-only";
import { loadView } from "../stats/load-view";
import type { TabSources } from "../stats/sources";
import { conversionByLabel, conversionRate } from "../stats/conversion/conversion";
import { loadConversionState } from "../stats/conversion/conversion-params";
import { formatRate, formatWait } from "../stats/conversion/format-wait";
import { getConversion, type Conversion } from "../stats/conversion/get-conversion";
import { csvBytes, csvStream } from "./csv";
import type { ExportResult } from "./export-file";
import { filtersSummary } from "./filters-summary";
import { fileLabel } from "./file-label";
import { exportFilename } from "./format-export";
import { PdfBusyError, renderPdf, withPdfSlot } from "./pdf/render-pdf";
import { pdfRowLimit } from "./pdf/tab-document";

const FILE = /^conversion\.(?<format>csv|pdf)$/;

/** One line per row and the total last: exact numbers (times in milliseconds) for spreadsheets. */
function csvRows(c: Conversion, byPartner: boolean): unknown[][] {
  const numbers = (r: Conversion["total"]) => [
    r.starts,
    r.converted,
    r.starts - r.converted,
    r.starts === 0 ? "" : conversionRate(r)!.toFixed(6),
    r.medianMs ?? "",
    r.p90Ms ?? "",
  ];
  const rows = c.rows.map((r) =>
    byPartner ? [r.label, r.email, r.partnerKey, ...numbers(r)] : [r.label, ...numbers(r)],
  );
  const total = byPartner ? ["Total", "", ""] : ["Total"];
  return [...rows, [...total, ...numbers(c.total)]];
}

const NUMBER_HEADER = [
  "Started",
  "Converted",
  "Not converted",
  "Conversion rate",
  "Median time to convert (ms)",
  "p90 time to convert (ms)",
];

/**
 * The conversion view as a file (`conversion.csv` or `conversion.pdf`), from the same URL
 * parameters, loader and query module as the screen; a refusal when the question is incomplete.
 */
export async function buildConversionExport(
  sources: TabSources,
  program: { id: number; slug: string; name: string; timezone: string; currency: string },
  file: string,
  query: URLSearchParams,
): Promise<ExportResult> {
  const format = FILE.exec(file)?.groups?.format;
  if (!format)
    return { status: 404, message: `There is no download called “${file}”. Use the ⋮ menu.` };
  const raw = Object.fromEntries(query);
  const view = await loadView(sources, program, raw, { reads: "filters" });
  const types = view.options.actionTypes.map((t) => t.label);
  const state = loadConversionState(raw, types, view.warnings);
  if (!state.question)
    return { status: 400, message: "Choose two different action types for the conversion." };
  const q = state.question;
  const data = await getConversion(
    view.scope,
    sources.db.prisma,
    q,
    state.by,
    view.options.groups,
    state,
  );
  const byPartner = state.by === "partner";
  const byLabel = conversionByLabel(state.by);
  const header = byPartner
    ? ["Partner", "Partner email", "Partner key", ...NUMBER_HEADER]
    : [byLabel, ...NUMBER_HEADER];
  const question = `Conversion: ${q.from} → ${q.to} within ${q.withinDays} days, by ${byLabel.toLowerCase()}`;
  const name = (ext: string) =>
    exportFilename(
      program.slug,
      "conversion",
      view.scope.asOf,
      program.timezone,
      ext,
      fileLabel(view.filters.timeframe, undefined),
    );
  if (format === "csv") {
    return {
      name: name("csv"),
      contentType: "text/csv; charset=utf-8",
      body: csvStream(header, [csvBytes(async () => csvRows(data, byPartner))]),
    };
  }
  const readable = (r: Conversion["total"]) => [
    String(r.starts),
    String(r.converted),
    String(r.starts - r.converted),
    formatRate(conversionRate(r)),
    formatWait(r.medianMs),
    formatWait(r.p90Ms),
  ];
  const labels = (r: Conversion["rows"][number]) =>
    byPartner ? [r.label, r.email ?? "", r.partnerKey ?? ""] : [r.label];
  const pdfHeader = header.map((h) => h.replace(" (ms)", ""));
  const limit = pdfRowLimit(pdfHeader.length);
  const lead = byPartner ? 3 : 1;
  try {
    const pdf = await withPdfSlot(() =>
      renderPdf({
        title: "Conversion",
        programName: program.name,
        filterLines: [
          question,
          ...filtersSummary(view.scope, view.options, program.name),
          ...view.warnings.map((w) => `Note: ${w}`),
        ],
        sections: [
          {
            kind: "table",
            title: question,
            header: pdfHeader,
            rows: data.rows.slice(0, limit).map((r) => [...labels(r), ...readable(r)]),
            footer: ["Total", ...Array(lead - 1).fill(""), ...readable(data.total)],
            omitted: Math.max(0, data.rows.length - limit),
            numeric: pdfHeader.map((_, i) => i >= lead),
          },
        ],
      }),
    );
    return { name: name("pdf"), contentType: "application/pdf", body: new Uint8Array(pdf) };
  } catch (error) {
    if (error instanceof PdfBusyError)
      return { status: 503, message: error.message, retryAfterSeconds: error.retryAfterSeconds };
    throw error;
  }
}
