// Child of `npm run bench`: one download through the export route's own code (buildExport in exportResponse, as
// GET /p/<program>/actions/export/<file> answers it), bytes counted and dropped, in a fresh
// process so its peak RSS is the export's own. Arguments: postgres|clickhouse, file, query.
// The parent sets DATABASE_URL and ANALYTICS_URL, which the app reads.
import { openTabSources } from "../../lib/stats/sources";
import { getDatabase } from "../../lib/db/client";
import { buildExport } from "../../lib/exports/build-export";
import { exportResponse } from "../../lib/exports/export-response";
import { drainCounting, reportResult } from "./child-process";
import { BENCH_PROGRAM_ID } from "./config";

export interface ExportResult {
  engine: string;
  file: string;
  query: string;
  seconds: number;
  bytes: number;
  /** CSV lines after the header. */
  lines: number;
  /** RSS once the databases were open, before the export started. */
  startRssMb: number;
  peakRssMb: number;
}

const [engine, file, query] = process.argv.slice(2);
const db = await getDatabase();
const program = await db.prisma.program.findUniqueOrThrow({ where: { id: BENCH_PROGRAM_ID } });
const sources = await openTabSources(db);
if (sources.analytics.engine.name !== engine)
  throw new Error(`Expected ${engine}, got ${sources.analytics.engine.name}`);
const startRss = process.memoryUsage().rss;

const started = performance.now();
const response = await exportResponse(
  () => buildExport(sources, program, file, new URLSearchParams(query)),
  { href: "/" },
);
if (response.status !== 200 || !response.body) throw new Error(`${file}: HTTP ${response.status}`);
const { bytes, newlines } = await drainCounting(response.body);
const seconds = (performance.now() - started) / 1000;

reportResult({
  engine,
  file,
  query,
  seconds,
  bytes,
  lines: newlines - 1,
  startRssMb: startRss / 1e6,
  peakRssMb: (process.resourceUsage().maxRSS * 1024) / 1e6,
} satisfies ExportResult);
