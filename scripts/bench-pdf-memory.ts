// npm run bench:pdf-memory — renders whole-tab PDFs of growing table sizes, each in a fresh
// process, and reports seconds and peak RSS growth per size: the data behind PDF_ROW_LIMIT.
import { runChild } from "./bench/child-process";
import { readCommandLine } from "./lib/command-line.mjs";

readCommandLine({
  command: "npm run bench:pdf-memory",
  summary:
    "Renders whole-tab PDFs of growing table sizes, each in a fresh process, and reports seconds and peak RSS growth per size.",
  notes: ["Environment: BENCH_PDF_ROWS (500,1000,2000,3000,5000), BENCH_PDF_COLUMNS (7)."],
});

interface Result {
  rows: number;
  seconds: number;
  mb: number;
  growthMb: number;
}

const sizes = (process.env.BENCH_PDF_ROWS ?? "500,1000,2000,3000,5000").split(",").map(Number);
const columns = process.env.BENCH_PDF_COLUMNS ?? "7";
const results: Result[] = [];
for (const rows of sizes) {
  const r = await runChild<Result>("render-pdf-once.ts", [String(rows), columns]);
  results.push(r);
  console.log(
    `${String(r.rows).padStart(7)} rows  ${r.seconds.toFixed(1).padStart(6)} s  ${r.mb.toFixed(1).padStart(6)} MB PDF  +${r.growthMb.toFixed(0)} MB RSS  (${((r.growthMb * 1000) / r.rows).toFixed(0)} KB/row)`,
  );
}
const [first, last] = [results[0], results.at(-1)!];
console.log(
  `rows ratio ${(last.rows / first.rows).toFixed(1)}×, time ratio ${(last.seconds / first.seconds).toFixed(1)}×, RSS growth ratio ${(last.growthMb / first.growthMb).toFixed(1)}×`,
);
