import type { SqlRunner } from "../db/sql-runner";

/** Empties every application table (not the migration history) and restarts id sequences. */
export async function truncateAll(db: SqlRunner): Promise<void> {
  const tables = await db.query<{ tablename: string }>(
    `SELECT tablename FROM pg_tables WHERE schemaname = current_schema() AND tablename <> '_prisma_migrations'`,
  );
  if (tables.length === 0) return;
  const list = tables.map((t) => `"${t.tablename}"`).join(", ");
  await db.exec(`TRUNCATE ${list} RESTART IDENTITY CASCADE`);
}
