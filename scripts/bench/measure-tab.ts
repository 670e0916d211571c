// Child of `npm run bench`: the Actions tab as its page computes it, on PostgreSQL and on
// ClickHouse in the same process, the drill-down's first and 1,000th page, and the Partners
// directory's pages.
// Arguments: the dataset's anchor (ISO instant, the tab's clock) and the page-1,000 cursor.
import os from "node:os";
import { clickhouseTabEngine, postgresTabEngine } from "../../lib/stats/engines";
import { getDrillDown } from "../../lib/stats/get-drill-down";
import { getSeries } from "../../lib/stats/get-series";
import { getSummary } from "../../lib/stats/get-summary";
import type { TabEngine } from "../../lib/stats/engine";
import { tabScope } from "../../lib/stats/scope";
import { loadFilterOptions } from "../../lib/stats/filters/load-filter-options";
import { loadDirectoryState } from "../../lib/partners/directory-params";
import { getDirectoryPage, type DirectoryPage } from "../../lib/partners/get-partner-directory";
import { getRuleReplay, type RuleReplay } from "../../lib/stats/get-rule-replay";
import { benchRuleSets } from "./bench-rule-sets";
import { reportResult } from "./child-process";
import { openBenchStores } from "./open-bench-stores";
import { BENCH_PROGRAM_ID, benchConfig, DIRECTORY_URLS, TAB_URLS } from "./config";
import { benchView, tableTile } from "./tab-view";
import { interleavedMedians, settle, timed, type Timing } from "./timing";

export interface Measured {
  label: string;
  url: string;
  /** What the view shows, to say how much it covers (from PostgreSQL). */
  facts: Record<string, number>;
  postgres: Timing;
  clickhouse: Timing;
  /** Both engines returned the same numbers, series and rows. */
  agree: boolean;
  /** 1-minute load average when the measurement started and ended. */
  load: [number, number];
}

// A third argument `rule-replay` measures rules tried on history alone (npm run bench:rule-replay);
// `tab:<text>|<text>…` only the whole-tab URLs containing one of the texts (a re-run of a few views).
const [anchor, page1000Cursor, only] = process.argv.slice(2);
const alone = only === "rule-replay";
const tabOnly = only?.startsWith("tab:") ? only.slice("tab:".length).split("|") : null;
const config = benchConfig();
const { db, ch } = await openBenchStores(config);
const engines: TabEngine[] = [postgresTabEngine(db), clickhouseTabEngine(ch)];
const program = await db.prisma.program.findUniqueOrThrow({
  where: { id: BENCH_PROGRAM_ID },
  select: { id: true, timezone: true },
});
const now = Date.parse(anchor);
// The program's groups, managers, tags, types: the labels of the breakdowns (`stack_by`, `rows_by`).
const options = await loadFilterOptions(db.prisma, program.id);

function scopeFor(engine: TabEngine, url: string) {
  return benchView(engine, program, url, now, options);
}

/**
 * The page's three tiles, started together as its Suspense boundaries start them; the chart
 * stacked by `stack_by`, the table grouped by `rows_by` when the URL sets them.
 */
async function wholeTab(engine: TabEngine, url: string) {
  const parts: Record<string, number> = {};
  const started = performance.now();
  const { state, scope } = scopeFor(engine, url);
  const [summary, series, table] = await Promise.all([
    timed(getSummary(scope), parts, "summary", started),
    timed(getSeries(scope), parts, "series", started),
    timed(tableTile(scope, state), parts, "table", started),
  ]);
  return { parts, result: { summary, series, table } };
}

async function drill(engine: TabEngine, url: string) {
  const { state, scope } = scopeFor(engine, url);
  return getDrillDown(scope, state.drill);
}

async function measure(
  label: string,
  url: string,
  run: (engine: TabEngine) => Promise<{ parts: Record<string, number>; result: unknown }>,
  facts: (result: unknown) => Record<string, number>,
): Promise<Measured> {
  const loadBefore = await settle(label);
  const { timings, results } = await interleavedMedians(
    config.runs,
    engines.map((engine) => () => run(engine)),
  );
  const load: [number, number] = [loadBefore, os.loadavg()[0]];
  for (const [i, engine] of engines.entries()) {
    console.error(
      `  ${label.padEnd(58)} ${engine.name.padEnd(10)} ${timings[i].ms.toFixed(1).padStart(9)} ms`,
    );
  }
  const agree = JSON.stringify(results[0]) === JSON.stringify(results[1]);
  if (!agree) console.error(`  !! ${label}: PostgreSQL and ClickHouse disagree`);
  return {
    label,
    url,
    facts: facts(results[0]),
    postgres: timings[0],
    clickhouse: timings[1],
    agree,
    load,
  };
}

console.error(
  `Median of ${config.runs} runs after a warm-up, engines taking turns, as of ${anchor}:`,
);
const measured: Measured[] = [];
for (const url of alone
  ? []
  : TAB_URLS.filter((u) => !tabOnly || tabOnly.some((t) => u.includes(t)))) {
  measured.push(
    await measure(
      `whole tab ${url}`,
      url,
      (e) => wholeTab(e, url),
      (r) => {
        const { summary, table } = r as Awaited<ReturnType<typeof wholeTab>>["result"];
        return { actions: summary.current.occurrences, "table rows": table.totalRows };
      },
    ),
  );
}
const drillUrls: [string, string][] = [
  ["drill-down page 1 + total", "timeframe=any_time"],
  ["drill-down page 1,000 + total", `timeframe=any_time&after=${page1000Cursor}`],
];
for (const [label, url] of alone || tabOnly !== null ? [] : drillUrls) {
  measured.push(
    await measure(
      label,
      url,
      async (e) => {
        const started = performance.now();
        const page = await drill(e, url);
        return { parts: { page: performance.now() - started }, result: page };
      },
      (r) => {
        const page = r as Awaited<ReturnType<typeof drill>>;
        return { "actions in total": page.total };
      },
    ),
  );
}
// The Partners directory's first page as its page computes it (count, ranking or attribute
// order, numbers, attributes), and a later page through its cursor.
async function directoryPage(engine: TabEngine, url: string) {
  const started = performance.now();
  const { filters, directory, warnings } = loadDirectoryState(
    Object.fromEntries(new URLSearchParams(url)),
  );
  if (warnings.length) throw new Error(`${url}: ${warnings.join(" ")}`);
  const page = await getDirectoryPage(db, tabScope(engine, program, filters, now), directory);
  return { parts: { page: performance.now() - started }, result: page };
}
for (const url of alone || tabOnly !== null ? [] : DIRECTORY_URLS) {
  measured.push(
    await measure(
      `partners directory ${url}`,
      url,
      (e) => directoryPage(e, url),
      (r) => ({ "matching partnerships": (r as DirectoryPage).total }),
    ),
  );
}
// Rules tried on history over any time: the published rules and a draft that adds a rule
// (minimum value, group, × value), priced over every action in one engine statement.
const ruleSets = await benchRuleSets(db.prisma, BENCH_PROGRAM_ID);
for (const url of tabOnly !== null ? [] : ["timeframe=any_time"]) {
  measured.push(
    await measure(
      `rule replay ${url}`,
      url,
      async (e) => {
        const started = performance.now();
        const replay = await getRuleReplay(scopeFor(e, url).scope, ruleSets);
        const parts = { replay: performance.now() - started };
        // Cents are bigints: as text, so the engines' answers compare as JSON.
        return {
          parts,
          result: JSON.parse(
            JSON.stringify(replay, (_, v) => (typeof v === "bigint" ? String(v) : v)),
          ),
        };
      },
      (r) => {
        const { totals, partners } = r as Pick<RuleReplay, "totals" | "partners">;
        return {
          actions: totals.actions,
          "actions affected": totals.affected,
          partners: partners.length,
        };
      },
    ),
  );
}
reportResult(measured);
