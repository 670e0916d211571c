import { createHash, randomUUID } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import type { SqlRunner } from "./sql-runner";

export const MIGRATIONS_DIR = path.join(process.cwd(), "prisma", "migrations");

interface Migration {
  name: string;
  sql: string;
  checksum: string;
}

export async function readMigrations(dir = MIGRATIONS_DIR): Promise<Migration[]> {
  const entries = await readdir(/*turbopackIgnore: true*/ dir, { withFileTypes: true });
  const names = entries
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
  return Promise.all(
    names.map(async (name) => {
      const sql = await readFile(
        /*turbopackIgnore: true*/ path.join(dir, name, "migration.sql"),
        "utf8",
      );
      return { name, sql, checksum: createHash("sha256").update(sql).digest("hex") };
    }),
  );
}

// Same shape as Prisma's own table, so `prisma migrate deploy` can take over where its engine runs.
const CREATE_HISTORY = `
CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
  "id" VARCHAR(36) PRIMARY KEY NOT NULL,
  "checksum" VARCHAR(64) NOT NULL,
  "finished_at" TIMESTAMPTZ,
  "migration_name" VARCHAR(255) NOT NULL,
  "logs" TEXT,
  "rolled_back_at" TIMESTAMPTZ,
  "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
  "applied_steps_count" INTEGER NOT NULL DEFAULT 0
)`;

// Any fixed number: serialises concurrent migration runs against the same database.
const MIGRATION_LOCK = 72_707_001;

/**
 * Applies committed migrations in order, each in its own transaction, and records them in
 * `_prisma_migrations`. Already-applied migrations are skipped, so running twice is a no-op.
 * Returns the names it applied.
 */
export async function applyMigrations(db: SqlRunner, migrations?: Migration[]): Promise<string[]> {
  const list = migrations ?? (await readMigrations());
  await db.exec(CREATE_HISTORY);
  const applied: string[] = [];
  for (const migration of list) {
    await db.exec("BEGIN");
    try {
      await db.query("SELECT pg_advisory_xact_lock($1)", [MIGRATION_LOCK]);
      const done = await db.query<{ checksum: string }>(
        `SELECT checksum FROM "_prisma_migrations" WHERE migration_name = $1 AND finished_at IS NOT NULL AND rolled_back_at IS NULL`,
        [migration.name],
      );
      if (done.length > 0) {
        if (done[0].checksum !== migration.checksum) {
          console.warn(`migration ${migration.name} was edited after it was applied`);
        }
        await db.exec("COMMIT");
        continue;
      }
      await db.exec(migration.sql);
      await db.query(
        `INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, applied_steps_count) VALUES ($1, $2, now(), $3, 1)`,
        [randomUUID(), migration.checksum, migration.name],
      );
      await db.exec("COMMIT");
      applied.push(migration.name);
    } catch (error) {
      await db.exec("ROLLBACK");
      throw new Error(`migration ${migration.name} failed: ${(error as Error).message}`, {
        cause: error,
      });
    }
  }
  return applied;
}
