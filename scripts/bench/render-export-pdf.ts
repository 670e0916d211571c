// Child of `npm run bench:pdf`: one PDF download through the export route's own code
// (buildExport in exportResponse, as GET /p/acme/actions/export/<file> answers it) in a fresh process, after a
// small warm-up PDF (fonts and code loaded, as in a running server). Reports seconds, bytes,
// pages and the peak RSS growth over the warmed-up process. Arguments: layout, file, query; the
// layout is `new` (the app as it is), `per-cell` (the previous layout) or `data-only` (no PDF).
// The parent sets DATABASE_URL to the seeded demo database.
import { register } from "node:module";
import { reportResult } from "./child-process";

export interface PdfRunResult {
  seconds: number;
  bytes: number;
  pages: number;
  growthMb: number;
}

const [layout, file, query] = process.argv.slice(2);
register(new URL("./pdf-bench-hooks.mjs", import.meta.url), { data: { layout } });
const { getDatabase } = await import("../../lib/db/client");
const { openTabSources } = await import("../../lib/stats/sources");
const { buildExport } = await import("../../lib/exports/build-export");
const { exportResponse } = await import("../../lib/exports/export-response");

const db = await getDatabase();
const sources = await openTabSources(db);
const program = await db.prisma.program.findUniqueOrThrow({ where: { slug: "acme" } });

async function download(name: string, search: string) {
  const response = await exportResponse(
    () => buildExport(sources, program, name, new URLSearchParams(search)),
    { href: "/" },
  );
  const bytes = new Uint8Array(await response.arrayBuffer());
  if (response.status !== 200 || response.headers.get("content-type") !== "application/pdf")
    throw new Error(`${name}?${search}: HTTP ${response.status}`);
  return bytes;
}

await download("total-rewards.pdf", "");
global.gc?.();
const baseline = process.memoryUsage().rss;
let peak = baseline;
const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
const started = performance.now();
const pdf = await download(file, query);
const seconds = (performance.now() - started) / 1000;
clearInterval(sampler);
peak = Math.max(peak, process.memoryUsage().rss);
// pdfkit writes every page as an uncompressed `/Type /Page` dictionary.
const pages =
  Buffer.from(pdf)
    .toString("latin1")
    .match(/\/Type \/Page\b/g)?.length ?? 0;
reportResult({
  seconds,
  bytes: pdf.byteLength,
  pages,
  growthMb: (peak - baseline) / 1e6,
} satisfies PdfRunResult);
