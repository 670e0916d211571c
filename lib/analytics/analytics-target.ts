import { config, type ClickHouseTarget, type Env } from "../config/config.mjs";

export type { ClickHouseTarget };

/** Where the analytics copy lives: nothing (PostgreSQL answers), embedded chdb, or a server. */
type AnalyticsTarget = { engine: "postgres" } | ClickHouseTarget;

/**
 * `ANALYTICS_URL` unset → the tab reads PostgreSQL (or PGlite) as before.
 * `chdb://.data/analytics` (relative to the working folder) or `chdb:///abs/path` → ClickHouse
 * embedded in this process. `http(s)://user:pass@host:8123/db` → a ClickHouse server or cluster.
 * Parsed with the rest of the configuration (lib/config/variables.mjs); `env`: another
 * environment than this process's (tests).
 */
export function resolveAnalyticsTarget(env?: Env): AnalyticsTarget {
  return config(env).ANALYTICS_URL ?? { engine: "postgres" };
}

export function describeAnalyticsTarget(target: AnalyticsTarget): string {
  if (target.engine === "postgres") return "the main database";
  if (target.engine === "chdb") return `embedded ClickHouse (chdb) at ${target.path}`;
  return `ClickHouse at ${target.url}/${target.database}`;
}
