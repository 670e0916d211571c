// Child of bench-pdf-memory: renders one whole-tab PDF holding N table rows (realistic text,
// no database) after a warm-up render, and reports duration, size and peak RSS growth over the process's own baseline.
import { renderToStream } from "@react-pdf/renderer";
import { createElement } from "react";
import { loadPdfFonts } from "../../lib/exports/pdf/fonts";
import { TabDocument, type PdfSection } from "../../lib/exports/pdf/tab-document";
import { occurrenceTableHeader } from "../../lib/exports/table-header";
import type { Series } from "../../lib/stats/get-series";
import { seriesColors } from "../../lib/stats/chart/series-colors";
import { reportResult } from "./child-process";

const rows = Number(process.argv[2]);
// 7 columns like the occurrence table, or 10 like the drill-down's action rows.
const columns = Number(process.argv[3] ?? 7);
const names = ["Ana Lucía Fernández", "Bob Smith", "Chen Wei", "Dagny Østergaard", "Émile Zola"];
const table: PdfSection = {
  kind: "table",
  title: "Occurrences",
  header: [
    ...occurrenceTableHeader("USD"),
    ...["Occurred", "Customer email", "Reward rule"].slice(0, columns - 7),
  ],
  numeric: [false, false, false, false, true, true, true, false, false, false].slice(0, columns),
  rows: Array.from({ length: rows }, (_, i) => [
    `${names[i % names.length]} ${i}`,
    `partner.${i}@example-partners.test`,
    `ptn_acme_${String(i).padStart(5, "0")}`,
    ["signup_completed", "demo_booked", "upgrade"][i % 3],
    String(1 + (i % 7)),
    String(1000 - (i % 997)),
    `${(i * 13.37).toFixed(2)}`,
    ...(columns > 7
      ? ["2026-11-26 09:14:07", "cus_" + i + "@customers.test", "Signup bounty"]
      : []),
  ]),
  footer: ["Total", "", "", "", "", "123456", "98765.43", ...Array(columns - 7).fill("")],
  omitted: 0,
};
const types = ["signup_completed", "demo_booked", "upgrade"];
const series: Series = {
  unit: "day",
  requestedUnit: "day",
  by: { kind: "type" },
  other: "Other types",
  types,
  colors: seriesColors(types, new Map()),
  hidden: [],
  compared: null,
  partialBucket: "2026-11-30",
  otherTypes: 0,
  rows: Array.from({ length: 30 }, (_, d) => ({
    bucket: `2026-11-${String(d + 1).padStart(2, "0")}`,
    ...Object.fromEntries(types.map((t, i) => [t, (d * (i + 3)) % 40])),
  })),
};
const sections: PdfSection[] = [
  { kind: "numbers", items: [{ title: "Occurrences", value: "123,456", change: null }] },
  { kind: "chart", title: "Occurrences over time", note: "Per day", series },
  table,
];

async function render(withSections: PdfSection[]) {
  const stream = await renderToStream(
    createElement(TabDocument, {
      title: "Actions tab",
      programName: "Bench",
      filterLines: ["Timeframe: any time"],
      sections: withSections,
      fonts: await loadPdfFonts(),
    }) as Parameters<typeof renderToStream>[0],
  );
  let size = 0;
  for await (const chunk of stream as AsyncIterable<Buffer>) size += chunk.length;
  return size;
}

// A first small render loads fonts and code, as a running server already has.
await render([{ ...table, rows: table.rows.slice(0, 10) }]);
global.gc?.();
const baseline = process.memoryUsage().rss;
let peak = baseline;
const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
const started = performance.now();
const bytes = await render(sections);
clearInterval(sampler);
peak = Math.max(peak, process.memoryUsage().rss);
reportResult({
  rows,
  seconds: (performance.now() - started) / 1000,
  mb: bytes / 1e6,
  growthMb: (peak - baseline) / 1e6,
});
