import pg from "pg";

export type Engine = "pglite" | "postgres";

const DEFAULT_TEST_DATABASE_URL = "postgresql://postgres@127.0.0.1:5432/postgres";

/** The server tests create their databases on: TEST_DATABASE_URL, else the local default. */
export function testDatabaseUrl(): string {
  return process.env.TEST_DATABASE_URL?.trim() || DEFAULT_TEST_DATABASE_URL;
}

async function postgresAnswers(url = testDatabaseUrl()): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.query("SELECT 1");
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

/**
 * Which engines database tests run on. PGlite always; PostgreSQL when it answers. On CI
 * (CI=true) or with REQUIRE_POSTGRES=1 an unreachable PostgreSQL is an error, not a skip.
 */
export async function detectEngines(): Promise<Engine[]> {
  if (await postgresAnswers()) return ["pglite", "postgres"];
  if (process.env.CI === "true" || process.env.REQUIRE_POSTGRES === "1") {
    throw new Error(`PostgreSQL does not answer at ${testDatabaseUrl()} (required on CI).`);
  }
  console.warn(
    `PostgreSQL does not answer at ${testDatabaseUrl()}: database tests run on PGlite only.`,
  );
  return ["pglite"];
}
