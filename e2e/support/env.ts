import { testDatabaseUrl } from "../../lib/testing/engines";

/** The PostgreSQL-backed end-to-end servers, and the suffix of each one's database name. */
const DATABASE_SUFFIX = {
  postgres: "",
  clickhouse: "_ch",
  oidc: "_oidc",
  empty: "_empty",
  // The demo as the postgres server seeded it, kept for the clickhouse server to start from.
  seeded: "_seeded",
} as const;
export type E2eDatabaseMode = keyof typeof DATABASE_SUFFIX;

/**
 * The database a PostgreSQL-backed end-to-end server uses; specs seed their own rows in it.
 * `clickhouse` is the server whose Actions tab reads embedded ClickHouse, `oidc` the one that
 * signs in by single sign-on only.
 */
export function e2eDatabaseUrl(mode: E2eDatabaseMode = "postgres"): string {
  const suffix = DATABASE_SUFFIX[mode];
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
/** The server for e2e/oidc.spec.ts: single sign-on against the test identity provider only. */
export const OIDC_APP_PORT = 3108;
/** The test identity provider (scripts/oidc-test-provider.ts) the OIDC server signs in with. */
export const OIDC_IDP_PORT = 3130;
/** What the OIDC server is started with (PASSWORD_SIGNIN=off). */
export const E2E_OIDC = {
  name: "Test IdP",
  allowedDomain: "allowed.test",
  issuer: `http://127.0.0.1:${OIDC_IDP_PORT}`,
  clientId: "actionboard-test",
  clientSecret: "oidc-test-client-secret",
  appUrl: `http://127.0.0.1:${OIDC_APP_PORT}`,
};
/** The PostgreSQL server's mail server: e2e/deliveries.spec.ts listens here while it runs. */
export const E2E_SMTP_PORT = 3125;
/** Embedded ClickHouse (chdb) of the third end-to-end server, on PostgreSQL. */
export const E2E_CHDB_DIR = ".data/e2e-chdb";
/** The servers' ACTIONBOARD_ENCRYPTION_KEY (PartnerStack keys are sealed with it). */
export const E2E_ENCRYPTION_KEY = "e2e-only-encryption-key-not-for-production";
/** The servers' METRICS_TOKEN: the crawler reads `/metrics` with it. */
export const E2E_METRICS_TOKEN = "e2e-only-metrics-token-0123456789";
/** Where an end-to-end server's launcher writes the process id of `next start` (its tree's root). */
export const e2eServerPidFile = (port: number | string) => `.data/e2e-server-${port}.pid`;
/** Where the empty server's launcher copies its log (the setup link is printed there). */
export const e2eServerLogFile = (port: number | string) => `.data/e2e-server-${port}.log`;
