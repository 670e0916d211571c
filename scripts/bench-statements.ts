// `npm run bench:statements` — where a whole-tab view's time goes on ClickHouse: every statement
// the page sends for each measured URL (caught with onClickHouseStatement while the page's three
// tiles run), then each run alone (median of BENCH_RUNS) with its text. Reads the benchmark's copy (BENCH_SHAPE,
// BENCH_ANALYTICS_PATH); run `npm run bench` first.
import { chsql, type ChSql } from "../lib/analytics/ch-sql";
import { onClickHouseStatement } from "../lib/analytics/clickhouse";
import { clickhouseTabEngine } from "../lib/stats/engines";
import { getSeries } from "../lib/stats/get-series";
import { getSummary } from "../lib/stats/get-summary";
import { loadFilterOptions } from "../lib/stats/filters/load-filter-options";
import { BENCH_PROGRAM_ID, benchConfig, TAB_URLS } from "./bench/config";
import { openBenchStores } from "./bench/open-bench-stores";
import { benchView, tableTile } from "./bench/tab-view";
import { median } from "./bench/timing";
import { readCommandLine } from "./lib/command-line.mjs";

const { positionals } = readCommandLine({
  command: "npm run bench:statements",
  summary:
    "Each ClickHouse statement of the Actions tab's page, run alone on the benchmark's copy: median time and the statement.",
  positionals: [
    {
      name: "query",
      description: "one tab URL's query string (default: every measured URL)",
      optional: true,
    },
  ],
  notes: ["Environment: BENCH_SHAPE, BENCH_RUNS, BENCH_ANALYTICS_PATH (see BENCHMARKS.md)."],
});

const config = benchConfig();
const { db, ch } = await openBenchStores(config);
const engine = clickhouseTabEngine(ch);
const program = await db.prisma.program.findUniqueOrThrow({
  where: { id: BENCH_PROGRAM_ID },
  select: { id: true, timezone: true },
});
const [{ at }] = await ch.query<{ at: string }>(
  chsql`SELECT toString(toUnixTimestamp64Milli(max(occurred_at))) AS at FROM {db:Identifier}.actions
    WHERE program_id = ${BENCH_PROGRAM_ID}`,
);
const now = Number(at) + 1;
// The labels of the breakdowns (`stack_by`, `rows_by`), as the page reads them.
const options = await loadFilterOptions(db.prisma, program.id);
const urls = positionals.length ? positionals : [...TAB_URLS];

/** A statement's text with its parameters bound, so it can be re-sent as it was. */
const sent: { query: string; params: Record<string, unknown> }[] = [];
let listening = true;
onClickHouseStatement((query, params) => {
  if (listening) sent.push({ query, params });
});

for (const url of urls) {
  sent.length = 0;
  listening = true;
  const { state, scope } = benchView(engine, program, url, now, options);
  const started = performance.now();
  await Promise.all([getSummary(scope), getSeries(scope), tableTile(scope, state)]);
  listening = false;
  console.log(`\n${url}: whole tab ${(performance.now() - started).toFixed(0)} ms (cold)`);
  for (const [i, s] of sent.entries()) {
    const tag = `stmt-${Date.now()}-${i}`;
    const times: number[] = [];
    for (let r = 0; r < config.runs; r++) {
      const t = performance.now();
      await ch.query(tagged(s.query, s.params, tag));
      times.push(performance.now() - t);
    }
    const what = s.query.replace(/\s+/g, " ").slice(0, 140);
    console.log(`  ${median(times).toFixed(0).padStart(5)} ms  ${what}`);
  }
}
await ch.close();
await db.close();

/** A statement already rendered, sent again as it was (with a comment naming the run). */
function tagged(query: string, params: Record<string, unknown>, tag: string) {
  return { render: () => ({ query: `/* ${tag} */ ${query}`, params }) } as unknown as ChSql;
}
