import path from "node:path";

/** Where the analytics copy lives: nothing (PostgreSQL answers), embedded chdb, or a server. */
type AnalyticsTarget =
  | { engine: "postgres" }
  | { engine: "chdb"; path: string; database: string }
  | { engine: "clickhouse"; url: string; username: string; password: string; database: string };

/** A target that is ClickHouse, embedded or remote. */
export type ClickHouseTarget = Exclude<AnalyticsTarget, { engine: "postgres" }>;

const DEFAULT_ANALYTICS_DATABASE = "actionboard";
const DATABASE_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,62}$/;

function databaseName(name: string): string {
  if (!DATABASE_NAME.test(name)) {
    throw new Error(`ANALYTICS_URL names the database "${name}": use letters, digits and _ only.`);
  }
  return name;
}

/**
 * `ANALYTICS_URL` unset → the tab reads PostgreSQL (or PGlite) as before.
 * `chdb://.data/analytics` (relative to the working folder) or `chdb:///abs/path` → ClickHouse
 * embedded in this process. `http(s)://user:pass@host:8123/db` → a ClickHouse server or cluster.
 */
export function resolveAnalyticsTarget(env: NodeJS.ProcessEnv = process.env): AnalyticsTarget {
  const raw = env.ANALYTICS_URL?.trim();
  if (!raw) return { engine: "postgres" };
  if (raw.startsWith("chdb://")) {
    const location = raw.slice("chdb://".length);
    if (!location) throw new Error("ANALYTICS_URL=chdb://<folder> needs a folder.");
    return {
      engine: "chdb",
      path: path.resolve(/*turbopackIgnore: true*/ process.cwd(), location),
      database: DEFAULT_ANALYTICS_DATABASE,
    };
  }
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new Error("ANALYTICS_URL must be chdb://<folder> or http(s)://user:pass@host:port/db.");
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw new Error("ANALYTICS_URL must be chdb://<folder> or http(s)://user:pass@host:port/db.");
  }
  const database = databaseName(url.pathname.replace(/^\//, "") || DEFAULT_ANALYTICS_DATABASE);
  return {
    engine: "clickhouse",
    url: url.origin,
    username: decodeURIComponent(url.username) || "default",
    password: decodeURIComponent(url.password),
    database,
  };
}

export function describeAnalyticsTarget(target: AnalyticsTarget): string {
  if (target.engine === "postgres") return "the main database";
  if (target.engine === "chdb") return `embedded ClickHouse (chdb) at ${target.path}`;
  return `ClickHouse at ${target.url}/${target.database}`;
}
