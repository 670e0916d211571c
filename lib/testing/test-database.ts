import { randomBytes } from "node:crypto";
import pg from "pg";
import { assertLocalDatabase } from "../db/local-guard";
import { applyMigrations, readMigrations } from "../db/migrations";
import { openDatabase, overPglite, type OpenDatabase } from "../db/open";
import { forgetPostgresTemplate, postgresTemplate } from "./database-templates";
import { giveBackPglite, takePglite } from "./pglite-pool";
import { testDatabaseUrl, type Engine } from "./engines";

export interface TestDatabase extends OpenDatabase {
  engine: Engine;
  /** The PostgreSQL database's URL (a second process's connection); none for PGlite. */
  url?: string;
}

interface TestDatabaseOptions {
  /** Apply only the migrations named before this one (to test a migration on older data). */
  migrateBefore?: string;
}

/**
 * A fresh, migrated database for one test: an in-memory PGlite, or a new database on the test
 * PostgreSQL server that is dropped on close. Refuses non-local servers. Both start as a copy of
 * one migrated database (lib/testing/database-templates.ts); with `migrateBefore`, empty.
 */
export async function createTestDatabase(
  engine: Engine,
  options: TestDatabaseOptions = {},
): Promise<TestDatabase> {
  const before = options.migrateBefore;
  const migrate = async (db: OpenDatabase) => {
    const chosen = (await readMigrations()).filter((m) => !before || m.name < before);
    await db.withRunner((runner) => applyMigrations(runner, chosen));
  };
  if (engine === "pglite") {
    if (before) {
      const db = await openDatabase({ engine: "pglite", dir: "memory://" });
      await migrate(db);
      return { ...db, engine };
    }
    const pglite = await takePglite();
    const db = overPglite(pglite);
    return {
      ...db,
      engine,
      async close() {
        await db.prisma.$disconnect();
        await giveBackPglite(pglite);
      },
    };
  }
  const adminUrl = testDatabaseUrl();
  assertLocalDatabase({ engine: "postgres", url: adminUrl });
  const name = `ab_test_${Date.now().toString(36)}_${randomBytes(4).toString("hex")}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await createDatabase(admin, name, before ? undefined : adminUrl);
  } finally {
    await admin.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const db = await openDatabase({ engine: "postgres", url: url.toString() });
  if (before) await migrate(db);
  return {
    ...db,
    engine,
    url: url.toString(),
    async close() {
      await db.close();
      const dropper = new pg.Client({ connectionString: adminUrl });
      await dropper.connect();
      await dropper.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await dropper.end();
    },
  };
}

/** Creates `name` empty, or (given the server's URL) as a copy of the migrated template. */
async function createDatabase(admin: pg.Client, name: string, templateOf?: string) {
  if (!templateOf) {
    await admin.query(`CREATE DATABASE "${name}"`);
    return;
  }
  try {
    await admin.query(`CREATE DATABASE "${name}" TEMPLATE "${await postgresTemplate(templateOf)}"`);
  } catch (error) {
    // 3D000: the template is gone (a run with other migrations dropped it); built again, once.
    if ((error as { code?: string }).code !== "3D000") throw error;
    forgetPostgresTemplate();
    await admin.query(`CREATE DATABASE "${name}" TEMPLATE "${await postgresTemplate(templateOf)}"`);
  }
}
