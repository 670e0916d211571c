import pg from "pg";
import { assertLocalDatabase } from "./local-guard";

/** The database a local PostgreSQL URL names (letters, digits and `_` only). */
function localDatabaseName(url: string): string {
  assertLocalDatabase({ engine: "postgres", url });
  const name = decodeURIComponent(new URL(url).pathname.slice(1));
  if (!/^[A-Za-z0-9_]+$/.test(name)) throw new Error(`Unusable database name "${name}".`);
  return name;
}

/**
 * Runs `work` on the local PostgreSQL server a URL names, connected to its `postgres` database,
 * with the database name the URL names (checked: letters, digits and `_` only).
 */
export async function onLocalServer(
  url: string,
  work: (client: pg.Client, name: string) => Promise<unknown>,
): Promise<void> {
  const name = localDatabaseName(url);
  const admin = new URL(url);
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

/**
 * Makes the database `to` names a copy of the one `from` names (`CREATE DATABASE … TEMPLATE`),
 * replacing it; both on the same local server, and nobody may be connected to `from`.
 */
export async function copyLocalDatabase(from: string, to: string): Promise<void> {
  if (new URL(from).host !== new URL(to).host) {
    throw new Error("Databases are copied on one server only.");
  }
  const source = localDatabaseName(from);
  await onLocalServer(to, async (client, name) => {
    await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await client.query(`CREATE DATABASE "${name}" TEMPLATE "${source}"`);
  });
}
