import pg from "pg";
import { assertLocalDatabase } from "./local-guard";

/**
 * Drops and creates the database a local PostgreSQL URL names (benchmarks, end-to-end servers),
 * through the same server's `postgres` database. Refuses other hosts and unusual names.
 */
export async function recreateLocalDatabase(url: string): Promise<void> {
  assertLocalDatabase({ engine: "postgres", url });
  const admin = new URL(url);
  const name = decodeURIComponent(admin.pathname.slice(1));
  if (!/^[A-Za-z0-9_]+$/.test(name)) throw new Error(`Unusable database name "${name}".`);
  admin.pathname = "/postgres";
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await client.query(`CREATE DATABASE "${name}"`);
  } finally {
    await client.end();
  }
}
