import { testDatabaseUrl } from "../../lib/testing/engines";

/**
 * The database a PostgreSQL-backed end-to-end server uses; specs seed their own rows in it.
 * `clickhouse` is the server whose Actions tab reads embedded ClickHouse.
 */
export function e2eDatabaseUrl(mode: "postgres" | "clickhouse" | "empty" = "postgres"): string {
  const suffix = { postgres: "", clickhouse: "_ch", empty: "_empty" }[mode];
  if (process.env.E2E_DATABASE_URL) {
    return process.env.E2E_DATABASE_URL.replace(/\/([^/?]+)(\?|$)/, `/$1${suffix}$2`);
  }
  const url = new URL(testDatabaseUrl());
  url.pathname = `/ab_e2e${suffix}`;
  return url.toString();
}

export const E2E_PGLITE_DIR = ".data/e2e-pglite";
export const POSTGRES_PORT = 3100;
export const EMBEDDED_PORT = 3101;
export const CLICKHOUSE_PORT = 3102;
/** A server on an empty PostgreSQL database: first-run setup (e2e/first-run.spec.ts). */
export const EMPTY_PORT = 3103;
/** The empty server's mail server: e2e/first-run.spec.ts listens here. */
export const E2E_EMPTY_SMTP_PORT = 3126;
/** The PostgreSQL server's mail server: e2e/deliveries.spec.ts listens here while it runs. */
export const E2E_SMTP_PORT = 3125;
/** Embedded ClickHouse (chdb) of the third end-to-end server, on PostgreSQL. */
export const E2E_CHDB_DIR = ".data/e2e-chdb";
/** The servers' ACTIONBOARD_ENCRYPTION_KEY (PartnerStack keys are sealed with it). */
export const E2E_ENCRYPTION_KEY = "e2e-only-encryption-key-not-for-production";
/** Where an end-to-end server's launcher writes the process id of `next start` (its tree's root). */
export const e2eServerPidFile = (port: number | string) => `.data/e2e-server-${port}.pid`;
/** Where the empty server's launcher copies its log (the setup link is printed there). */
export const e2eServerLogFile = (port: number | string) => `.data/e2e-server-${port}.log`;
