// Child of `npm run bench:conversion`: the conversion view's query (the total and by partner, one
// statement) on ClickHouse, median of BENCH_RUNS after a warm-up, and on PostgreSQL once
// (each answer compared); the dataset's timeframe resolved at its anchor.
import os from "node:os";
import { clickhouseTabEngine, postgresTabEngine } from "../../lib/stats/engines";
import type { TabEngine } from "../../lib/stats/engine";
import type { ConversionBreakdown } from "../../lib/stats/conversion/conversion";
import { tabScope } from "../../lib/stats/scope";
import { loadTabState } from "../../lib/stats/url/load-tab-state";
import { reportResult } from "./child-process";
import { openBenchStores } from "./open-bench-stores";
import { BENCH_PROGRAM_ID, benchConfig } from "./config";
import { median, settle } from "./timing";

export interface MeasuredConversion {
  url: string;
  clickhouse: { ms: number; all: number[] };
  postgres: { ms: number } | null;
  agree: boolean | null;
  starts: number;
  converted: number;
  rows: number;
  load: [number, number];
}

const [anchor, url, withPostgres] = process.argv.slice(2);
const config = benchConfig();
const { db, ch } = await openBenchStores(config);
const program = await db.prisma.program.findUniqueOrThrow({
  where: { id: BENCH_PROGRAM_ID },
  select: { id: true, timezone: true },
});
const params = new URLSearchParams(url);
const question = {
  from: params.get("from")!,
  to: params.get("to")!,
  withinDays: Number(params.get("within")),
};
const by = params.get("by") as ConversionBreakdown;

async function conversion(engine: TabEngine) {
  const { filters } = loadTabState(Object.fromEntries(params), "filters");
  const scope = tabScope(engine, program, filters, Date.parse(anchor));
  const started = performance.now();
  const { total, rows } = await engine.conversionCounts(scope, question, by);
  return { ms: performance.now() - started, total, rows };
}

const loadBefore = await settle("conversion");
const clickhouse = clickhouseTabEngine(ch);
const warm = await conversion(clickhouse);
const all: number[] = [];
for (let i = 0; i < config.runs; i++) all.push((await conversion(clickhouse)).ms);
let postgres: { ms: number } | null = null;
let agree: boolean | null = null;
if (withPostgres === "yes") {
  const pg = await conversion(postgresTabEngine(db));
  postgres = { ms: pg.ms };
  agree = JSON.stringify([pg.total, pg.rows]) === JSON.stringify([warm.total, warm.rows]);
}
reportResult({
  url,
  clickhouse: { ms: median(all), all },
  postgres,
  agree,
  starts: warm.total.starts,
  converted: warm.total.converted,
  rows: warm.rows.length,
  load: [loadBefore, os.loadavg()[0]],
} satisfies MeasuredConversion);
