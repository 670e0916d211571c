// npm run bench:pdf — seeds the demo data into a throwaway PostgreSQL database and downloads PDFs
// through the export route's own code, each in a fresh process: the default view's tab.pdf, the
// whole history's, and a drill-down PDF at the cell limit. Reports the median over BENCH_RUNS
// (default 3) of seconds, and the PDF's size, pages and peak RSS growth, against two baselines
// measured in the same run: the data alone (the same download with nothing laid out, BENCH_RUNS)
// and the previous per-cell layout rendering the same sections (BENCH_BASELINE_RUNS, default 1).
import type { PdfRunResult } from "./bench/render-export-pdf";
import { readCommandLine } from "./lib/command-line.mjs";

readCommandLine({
  command: "npm run bench:pdf",
  summary:
    "Seeds the demo data into a throwaway PostgreSQL database and times PDF downloads, each in a fresh process.",
  notes: ["Environment: BENCH_PDF_DATABASE_URL, BENCH_RUNS (3), BENCH_BASELINE_RUNS (1)."],
});

// The work's modules load after the command line is read: `--help` answers without them.
const { migrate, openDatabase } = await import("../lib/db/open");
const { recreateLocalDatabase } = await import("../lib/db/recreate-local-database");
const { seedDemo } = await import("../lib/seed/seed-demo");
const { runChild } = await import("./bench/child-process");

const url =
  process.env.BENCH_PDF_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/ab_bench_pdf";
const runs = Math.max(1, Number(process.env.BENCH_RUNS ?? 3) || 3);
const baselineRuns = Math.max(0, Number(process.env.BENCH_BASELINE_RUNS ?? 1));

const CASES = [
  { label: "default view", file: "tab.pdf", query: "" },
  { label: "any time", file: "tab.pdf", query: "timeframe=any_time" },
  { label: "cap (drill-down rows)", file: "actions.pdf", query: "timeframe=any_time" },
] as const;

async function seedDatabase() {
  await recreateLocalDatabase(url);
  const db = await openDatabase({ engine: "postgres", url });
  try {
    await migrate(db);
    const seeded = await db.withRunner((runner) => seedDemo(runner));
    for (const p of seeded) console.error(`Seeded ${p.slug}: ${p.actions} actions`);
  } finally {
    await db.close();
  }
}

const median = (xs: number[]) => {
  const sorted = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

async function measure(
  layout: "new" | "per-cell" | "data-only",
  file: string,
  query: string,
  n: number,
) {
  const results: PdfRunResult[] = [];
  for (let i = 0; i < n; i++)
    results.push(
      await runChild<PdfRunResult>("render-export-pdf.ts", [layout, file, query], {
        DATABASE_URL: url,
      }),
    );
  return {
    seconds: median(results.map((r) => r.seconds)),
    all: results.map((r) => r.seconds.toFixed(2)).join(", "),
    kb: results[0].bytes / 1e3,
    pages: results[0].pages,
    growthMb: Math.max(...results.map((r) => r.growthMb)),
  };
}

await seedDatabase();
console.log(
  `PDF downloads through buildExport, median of ${runs} runs (per-cell baseline: ${baselineRuns})`,
);
console.log(
  "| PDF | seconds (runs) | data alone | size | pages | peak RSS growth | per-cell layout | speed-up |",
);
console.log("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
for (const c of CASES) {
  const now = await measure("new", c.file, c.query, runs);
  const data = await measure("data-only", c.file, c.query, runs);
  const before = baselineRuns ? await measure("per-cell", c.file, c.query, baselineRuns) : null;
  const cells = [
    `${c.label}: \`${c.file}${c.query ? `?${c.query}` : ""}\``,
    `${now.seconds.toFixed(2)} (${now.all})`,
    `${data.seconds.toFixed(2)}`,
    `${now.kb.toFixed(0)} KB`,
    `${now.pages}`,
    `+${now.growthMb.toFixed(0)} MB`,
    before
      ? `${before.seconds.toFixed(2)} s, ${before.pages} pages, +${before.growthMb.toFixed(0)} MB`
      : "–",
    before ? `${(before.seconds / now.seconds).toFixed(1)}×` : "–",
  ];
  console.log(`| ${cells.join(" | ")} |`);
}
