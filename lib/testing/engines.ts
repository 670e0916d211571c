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

const ENGINES: readonly Engine[] = ["pglite", "postgres"];

/** TEST_ENGINES (`pglite`, `postgres` or both, comma-separated): the engines asked for, if any. */
function chosenEngines(raw = process.env.TEST_ENGINES?.trim()): Engine[] | null {
  if (!raw) return null;
  const names = raw.split(",").map((name) => name.trim());
  const unknown = names.filter((name) => !ENGINES.includes(name as Engine));
  if (unknown.length > 0 || names.length === 0) {
    throw new Error(`TEST_ENGINES="${raw}": name pglite, postgres or both (comma-separated).`);
  }
  return ENGINES.filter((engine) => names.includes(engine));
}

/**
 * Which engines database tests run on. PGlite always; PostgreSQL when it answers. On CI
 * (CI=true) or with REQUIRE_POSTGRES=1 an unreachable PostgreSQL is an error, not a skip.
 * TEST_ENGINES=pglite (or =postgres) runs them on that engine only.
 */
export async function detectEngines(): Promise<Engine[]> {
  const chosen = chosenEngines();
  if (chosen && !chosen.includes("postgres")) return chosen;
  if (await postgresAnswers()) return chosen ?? ["pglite", "postgres"];
  if (chosen || process.env.CI === "true" || process.env.REQUIRE_POSTGRES === "1") {
    const why = chosen ? "TEST_ENGINES names it" : "required on CI";
    throw new Error(`PostgreSQL does not answer at ${testDatabaseUrl()} (${why}).`);
  }
  console.warn(
    `PostgreSQL does not answer at ${testDatabaseUrl()}: database tests run on PGlite only.`,
  );
  return ["pglite"];
}
