import pg from "pg";
import { assertLocalDatabase } from "./local-guard";

/**
 * Runs `work` on the local PostgreSQL server a URL names, connected to its `postgres` database,
 * with the database name the URL names (checked: letters, digits and `_` only).
 */
export async function onLocalServer(
  url: string,
  work: (client: pg.Client, name: string) => Promise<unknown>,
): Promise<void> {
  assertLocalDatabase({ engine: "postgres", url });
  const admin = new URL(url);
  const name = decodeURIComponent(admin.pathname.slice(1));
  if (!/^[A-Za-z0-9_]+$/.test(name)) throw new Error(`Unusable database name "${name}".`);
  admin.pathname = "/postgres";
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    await work(client, name);
  } finally {
    await client.end();
  }
}

/**
 * Drops and creates the database a local PostgreSQL URL names (benchmarks, checks, end-to-end
 * servers). Refuses other hosts and unusual names.
 */
export async function recreateLocalDatabase(url: string): Promise<void> {
  await onLocalServer(url, async (client, name) => {
    await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await client.query(`CREATE DATABASE "${name}"`);
  });
}
