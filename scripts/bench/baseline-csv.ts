// Child of `npm run bench`: the yardstick for a CSV export — the same rows, joins and order as
// the export's own statement, with every column left unformatted, written by the engine itself
// (PostgreSQL `COPY … TO STDOUT (FORMAT csv)`, ClickHouse `FORMAT CSV`) through the same path and
// drained. export ÷ this = what formatting and the app add. Arguments: postgres|clickhouse,
// table.csv|actions.csv, query. The parent sets DATABASE_URL and ANALYTICS_URL.
import { loadTabState } from "../../lib/stats/url/load-tab-state";
import { chDrillCsv, chOccurrenceCsv } from "../../lib/stats/clickhouse/ch-csv";
import { CH_RAW_CELLS } from "../../lib/stats/clickhouse/ch-csv-cells";
import { pgDrillCsv, pgOccurrenceCsv } from "../../lib/stats/postgres/pg-csv";
import { PG_RAW_CELLS } from "../../lib/stats/postgres/pg-csv-cells";
import { postgresTabEngine } from "../../lib/stats/postgres/postgres-engine";
import { tabScope } from "../../lib/stats/scope";
import { NEWEST_FIRST } from "../../lib/stats/engine";
import { resolveAnalyticsTarget } from "../../lib/analytics/analytics-target";
import { openClickHouse } from "../../lib/analytics/clickhouse";
import { getDatabase } from "../../lib/db/client";
import { drainCounting, reportResult } from "./child-process";
import type { ExportResult } from "./export-csv";
import { BENCH_PROGRAM_ID } from "./config";

export type BaselineCsvResult = Omit<ExportResult, "startRssMb">;

const [engine, file, query] = process.argv.slice(2);
const db = await getDatabase();
const program = await db.prisma.program.findUniqueOrThrow({ where: { id: BENCH_PROGRAM_ID } });
const state = loadTabState(Object.fromEntries(new URLSearchParams(query)));
const scope = tabScope(postgresTabEngine(db), program, state.filters);
const selection = { partner: null, type: null, value: null };
const names = new Map<number, string>();

let rows: AsyncIterable<Uint8Array>;
if (engine === "postgres") {
  rows =
    file === "table.csv"
      ? pgOccurrenceCsv(db, scope, state.table, PG_RAW_CELLS)
      : pgDrillCsv(db, scope, selection, NEWEST_FIRST, names, PG_RAW_CELLS);
} else {
  const target = resolveAnalyticsTarget();
  if (target.engine === "postgres") throw new Error("ANALYTICS_URL must name ClickHouse");
  const ch = await openClickHouse(target);
  rows =
    file === "table.csv"
      ? chOccurrenceCsv(ch, scope, state.table, CH_RAW_CELLS)
      : chDrillCsv(ch, scope, selection, NEWEST_FIRST, names, CH_RAW_CELLS);
}

const started = performance.now();
const { bytes, newlines } = await drainCounting(rows);
reportResult({
  engine,
  file,
  query,
  seconds: (performance.now() - started) / 1000,
  bytes,
  lines: newlines,
  peakRssMb: (process.resourceUsage().maxRSS * 1024) / 1e6,
} satisfies BaselineCsvResult);
