import { afterEach, describe, expect, inject, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../testing/test-database";
import { applyMigrations, readMigrations } from "./migrations";

// Indexes allowed not to start with program_id: lookups made before a program is known.
const UNSCOPED_INDEXES = new Set([
  "users_pkey",
  "users_email_key",
  "programs_pkey",
  "programs_slug_key",
  "api_keys_public_key_key",
  "rate_limits_pkey",
  "rate_limits_window_end_idx",
  "user_sessions_pkey",
  "user_sessions_user_id_idx",
  "instance_setup_pkey",
  "password_resets_pkey",
  "password_resets_user_id_idx",
  "program_slug_redirects_old_slug_key",
  "_prisma_migrations_pkey",
]);

describe.each(inject("engines"))("migrations on %s", (engine) => {
  let db: TestDatabase | undefined;
  afterEach(async () => {
    await db?.close();
    db = undefined;
  });

  it("applies every committed migration once, and a second run is a no-op", async () => {
    db = await createTestDatabase(engine); // applies them once
    const migrations = await readMigrations();
    const again = await db.withRunner((runner) => applyMigrations(runner, migrations));
    expect(again).toEqual([]);
    const history = await db.withRunner((runner) =>
      runner.query<{ migration_name: string }>(
        `SELECT migration_name FROM "_prisma_migrations" ORDER BY migration_name`,
      ),
    );
    expect(history.map((h) => h.migration_name)).toEqual(migrations.map((m) => m.name));
  });

  it("starts every index of a program-owned table with program_id", async () => {
    db = await createTestDatabase(engine);
    const indexes = await db.withRunner((runner) =>
      runner.query<{ table_name: string; index_name: string; first_column: string }>(`
        SELECT t.relname AS table_name, i.relname AS index_name, a.attname AS first_column
        FROM pg_index x
        JOIN pg_class i ON i.oid = x.indexrelid
        JOIN pg_class t ON t.oid = x.indrelid
        JOIN pg_namespace n ON n.oid = t.relnamespace AND n.nspname = current_schema()
        JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = x.indkey[0]`),
    );
    const tables = new Set(indexes.map((i) => i.table_name));
    expect(tables).toContain("actions");
    const offenders = indexes.filter(
      (i) => !UNSCOPED_INDEXES.has(i.index_name) && i.first_column !== "program_id",
    );
    expect(offenders).toEqual([]);
  });

  it("rejects an action value below 1 at the database level", async () => {
    db = await createTestDatabase(engine);
    const rows = await db.withRunner((runner) =>
      runner.query<{ conname: string }>(
        `SELECT conname FROM pg_constraint WHERE conname = 'actions_value_positive'`,
      ),
    );
    expect(rows).toHaveLength(1);
  });
});
