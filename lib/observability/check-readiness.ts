import "server-only";
import { chsql } from "../analytics/ch-sql";
import type { ClickHouse } from "../analytics/clickhouse";
import { readMigrations } from "../db/migrations";
import type { OpenDatabase } from "../db/open";
import { scrubSecrets } from "./scrub-secrets.mjs";
import { messageOf } from "./logger.mjs";
import { copyLagSeconds } from "./probe-database";

/** ok; failed (the process should get no traffic); off (not configured); unknown (not checked). */
export type CheckStatus = "ok" | "failed" | "off" | "unknown";

export type Check = { status: CheckStatus; message?: string } & Record<string, unknown>;

export interface Readiness {
  status: "ready" | "not ready";
  /** The names of the checks that failed. */
  failed: string[];
  checks: Record<string, Check>;
}

/** The analytics copy as the readiness check sees it (lib/stats/choose-engine's Analytics). */
export interface AnalyticsState {
  unavailable?: string;
  copy?: ClickHouse;
  worker: { lastError: string | null } | null;
}

export interface ReadinessSources {
  database: () => Promise<OpenDatabase>;
  /** Opens (or returns) the analytics copy when ANALYTICS_URL is set; null when it is not. */
  analytics: ((db: OpenDatabase) => Promise<AnalyticsState>) | null;
  mailConfigured: boolean;
  shuttingDown: boolean;
  /** How long each check may take (default 3 s): a load balancer's probe must not hang. */
  timeoutMs?: number;
}

const message = (error: unknown) => scrubSecrets(messageOf(error));

async function within<T>(ms: number, work: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms / 1000} s`)), ms);
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** This version's migrations: read from disk once per process (they cannot change under it). */
let shipped: ReturnType<typeof readMigrations> | undefined;

async function checkMigrations(db: OpenDatabase): Promise<Check> {
  const [files, applied] = await Promise.all([
    (shipped ??= readMigrations().catch((error: unknown) => {
      shipped = undefined; // read again on the next probe
      throw error;
    })),
    db.prisma.$queryRaw<{ name: string }[]>`
      SELECT migration_name AS name FROM "_prisma_migrations"
      WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`,
  ]);
  const done = new Set(applied.map((row) => row.name));
  const pending = files.map((m) => m.name).filter((name) => !done.has(name));
  if (pending.length === 0) return { status: "ok", applied: files.length };
  return {
    status: "failed",
    message: `${pending.length} migration${pending.length === 1 ? "" : "s"} not applied (npm run db:migrate): ${pending.join(", ")}`,
    pending,
  };
}

async function checkAnalytics(
  db: OpenDatabase,
  open: (db: OpenDatabase) => Promise<AnalyticsState>,
  ms: number,
): Promise<Check> {
  const analytics = await within(ms, open(db));
  if (analytics.unavailable || !analytics.copy) {
    return { status: "failed", message: scrubSecrets(analytics.unavailable ?? "not open") };
  }
  await within(ms, analytics.copy.query(chsql`SELECT 1`));
  const lag = await copyLagSeconds(db);
  const lastError = analytics.worker?.lastError;
  return {
    status: "ok",
    lag_seconds: lag,
    ...(lastError && { copy_error: scrubSecrets(lastError) }),
  };
}

/**
 * Whether this process should get traffic: the database answers, every migration of this code
 * is applied, the analytics copy (when configured) answers (its lag is reported, not judged: a
 * copy behind still answers), and whether a mailer is configured (reported: without one only
 * email is off). While the process is stopping it is not ready, whatever else holds.
 */
export async function checkReadiness(sources: ReadinessSources): Promise<Readiness> {
  const ms = sources.timeoutMs ?? 3_000;
  const checks: Record<string, Check> = {};
  if (sources.shuttingDown) {
    checks.server = { status: "failed", message: "shutting down" };
  } else {
    let db: OpenDatabase | null = null;
    try {
      db = await within(ms, sources.database());
      await within(ms, db.prisma.$queryRaw`SELECT 1`);
      checks.database = { status: "ok" };
    } catch (error) {
      checks.database = { status: "failed", message: `no answer: ${message(error)}` };
      db = null;
    }
    const unchecked: Check = { status: "unknown", message: "not checked: no database" };
    const [migrations, analytics] = await Promise.all([
      db
        ? within(ms, checkMigrations(db)).catch((error): Check => ({
            status: "failed",
            message: message(error),
          }))
        : unchecked,
      !sources.analytics
        ? ({
            status: "off",
            message: "ANALYTICS_URL is not set: the database answers the tab",
          } as Check)
        : db
          ? checkAnalytics(db, sources.analytics, ms).catch((error): Check => ({
              status: "failed",
              message: message(error),
            }))
          : unchecked,
    ]);
    checks.migrations = migrations;
    checks.analytics = analytics;
  }
  checks.mailer = sources.mailConfigured
    ? { status: "ok" }
    : { status: "off", message: "SMTP_URL is not set: nothing can be mailed" };
  const failed = Object.entries(checks)
    .filter(([, check]) => check.status === "failed")
    .map(([name]) => name);
  return { status: failed.length === 0 ? "ready" : "not ready", failed, checks };
}
