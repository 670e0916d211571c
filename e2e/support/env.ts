import { testDatabaseUrl } from "../../lib/testing/engines";

/** The database the PostgreSQL-backed end-to-end server uses; specs seed their own rows in it. */
export function e2eDatabaseUrl(): string {
  if (process.env.E2E_DATABASE_URL) return process.env.E2E_DATABASE_URL;
  const url = new URL(testDatabaseUrl());
  url.pathname = "/ab_e2e";
  return url.toString();
}

export const E2E_PGLITE_DIR = ".data/e2e-pglite";
export const POSTGRES_PORT = 3100;
export const EMBEDDED_PORT = 3101;
