import path from "node:path";
import { assertLocalDatabase } from "../../lib/db/local-guard";
import type { BenchShape } from "./dataset-spec";

/** What `npm run bench` runs on; every process of one run reads the same environment. */
export interface BenchConfig {
  /** How program 1's actions are spread (BENCH_SHAPE; see dataset-spec.ts). */
  shape: BenchShape;
  actions: number;
  runs: number;
  databaseUrl: string;
  analyticsPath: string;
  /** The analytics database inside the chdb folder: the app's default, so the export route finds it. */
  analyticsDatabase: string;
  rebuild: boolean;
  /** Measurements wait (a while) for the 1-minute load average to drop below this. */
  maxLoad: number;
}

function positiveInt(name: string, fallback: number, min: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === "") return fallback;
  const n = Number(raw.replace(/_/g, ""));
  if (!Number.isSafeInteger(n) || n < min) throw new Error(`${name} must be an integer ≥ ${min}.`);
  return n;
}

function benchShape(): BenchShape {
  const raw = process.env.BENCH_SHAPE || "power";
  if (raw !== "power" && raw !== "wide") throw new Error(`BENCH_SHAPE must be power or wide.`);
  return raw;
}

export function benchConfig(): BenchConfig {
  const shape = benchShape();
  // Each shape keeps its own database and copy, so switching does not rebuild the other.
  const suffix = shape === "power" ? "" : `_${shape}`;
  const databaseUrl =
    process.env.BENCH_DATABASE_URL ?? `postgresql://postgres@127.0.0.1:5432/ab_bench10m${suffix}`;
  // The benchmark drops and recreates this database.
  assertLocalDatabase({ engine: "postgres", url: databaseUrl });
  return {
    shape,
    actions: positiveInt("BENCH_ACTIONS", 10_000_000, 10_000),
    runs: positiveInt("BENCH_RUNS", 5, 5),
    databaseUrl,
    analyticsPath: path.resolve(
      process.env.BENCH_ANALYTICS_PATH ?? `.data/bench-analytics${suffix.replace("_", "-")}`,
    ),
    analyticsDatabase: "actionboard",
    rebuild: process.argv.includes("--rebuild"),
    maxLoad: Number(process.env.BENCH_MAX_LOAD ?? 1.5) || 1.5,
  };
}

/** The big program every measurement reads. */
export const BENCH_PROGRAM_ID = 1;

/** The Actions tab URLs measured (query strings exactly as the page receives them). */
export const TAB_URLS = [
  "timeframe=past_30_days",
  "timeframe=past_12_complete_months&timescale=week",
  "timeframe=any_time",
  "timeframe=any_time&group=1&group_op=exclude&marketplace=no",
  "timeframe=any_time&tag=3",
  "timeframe=any_time&name=gen12",
  // A property present on half the actions: each view with and without it (issue 28's target:
  // within 1.5× of the same view without it). All three values = every action holding `plan`.
  "timeframe=past_30_days&property=plan=starter,growth,enterprise",
  "timeframe=any_time&property=plan=starter,growth,enterprise",
  "timeframe=any_time&property=plan=growth&property_op=exclude",
  // Comparison (issue 28): the default compares with the previous period (the table and the chart
  // read both periods); against the same view comparing nothing, and against last year.
  "timeframe=past_12_complete_months&timescale=week&compare=none",
  "timeframe=past_12_complete_months&timescale=week&compare=previous_year",
  // Breakdowns (issue 28: CH ≤ 600 ms and ≥ 10× PostgreSQL): the chart stacked by and the table
  // grouped by a group (the year compared with the one before, against the same view above), a
  // tag (a partnership counts under each of its tags) and a property present on half the actions.
  "timeframe=past_12_complete_months&timescale=week&compare=previous_year&stack_by=group&rows_by=group",
  "timeframe=any_time&stack_by=tag&rows_by=tag",
  "timeframe=past_30_days&stack_by=property:plan&rows_by=property:plan",
] as const;

/** A URL whose chart or table is broken down (`stack_by`, `rows_by`): issue 28's own target. */
export const hasBreakdown = (url: string) => /(^|&)(stack_by|rows_by)=/.test(url);

/** Partners directory pages (first pages, and a later one by its cursor: partnership 9,000). */
export const DIRECTORY_URLS = [
  "timeframe=past_30_days",
  "timeframe=any_time",
  "timeframe=past_30_days&sort=name&dir=asc",
  "timeframe=past_30_days&sort=last_action&dir=desc&group=1",
  "timeframe=any_time&q=gen12",
  "timeframe=past_30_days&after=9000",
] as const;

/** Rows of the drill-down CSV compared with ClickHouse's own CSV output. */
export function drillExportRows(actions: number): number {
  return Math.min(1_000_000, Math.floor(actions / 10));
}
