import { PGlite } from "@electric-sql/pglite";
import { pgliteSnapshot } from "./database-templates";

// A PGlite test database takes 1.4–1.9 s to start from the migrated snapshot (WASM, on a loaded
// 2-core machine) and 0.1–0.2 s to empty. A closed test's instance is therefore emptied and handed
// to the next test of the same worker — only when it is exactly as migrated: the same tables,
// columns, constraints, triggers and functions and the same migrations recorded. A test that
// changed any of them (or left the instance closed or broken) has its instance closed instead.

/** What a test may not leave changed: the schema's objects and the migrations recorded. */
const SCHEMA_FINGERPRINT = `
  SELECT md5(coalesce(string_agg(x, '|' ORDER BY x), '')) AS fingerprint FROM (
    SELECT 'class:' || c.relname || ':' || c.relkind::text || ':' || c.relnatts AS x
      FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public'
    UNION ALL
    SELECT 'column:' || c.relname || '.' || a.attname || ':' || format_type(a.atttypid, a.atttypmod)
           || ':' || a.attnotnull || ':' || a.attisdropped || ':' || coalesce(pg_get_expr(d.adbin, d.adrelid), '')
      FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid
      JOIN pg_namespace n ON n.oid = c.relnamespace
      LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
      WHERE n.nspname = 'public' AND a.attnum > 0
    UNION ALL
    SELECT 'constraint:' || conrelid::regclass || ':' || conname || ':' || pg_get_constraintdef(oid)
      FROM pg_constraint WHERE connamespace = 'public'::regnamespace
    UNION ALL
    SELECT 'trigger:' || tgrelid::regclass || ':' || tgname || ':' || tgenabled::text
      FROM pg_trigger WHERE NOT tgisinternal
    UNION ALL
    SELECT 'function:' || p.proname || ':' || md5(p.prosrc)
      FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname = 'public'
    UNION ALL
    SELECT 'migration:' || migration_name || ':' || checksum || ':' || (rolled_back_at IS NULL)
      FROM "_prisma_migrations"
  ) AS schema_objects`;

/** Instances ready for the next test (a worker rarely has more than a few open at once). */
const idle: PGlite[] = [];
const MAX_IDLE = 4;
let pristine: Promise<{ fingerprint: string; tables: string }> | undefined;

async function fingerprintOf(pglite: PGlite): Promise<string> {
  const { rows } = await pglite.query<{ fingerprint: string }>(SCHEMA_FINGERPRINT);
  return rows[0].fingerprint;
}

/** The migrated snapshot's fingerprint and the tables a test's rows live in. */
function pristineSchema(pglite: PGlite) {
  pristine ??= (async () => {
    const { rows } = await pglite.query<{ tables: string }>(
      `SELECT string_agg(format('%I', tablename), ', ' ORDER BY tablename) AS tables
       FROM pg_tables WHERE schemaname = 'public' AND tablename <> '_prisma_migrations'`,
    );
    return { fingerprint: await fingerprintOf(pglite), tables: rows[0].tables };
  })();
  return pristine;
}

/** An empty, migrated PGlite: one a closed test gave back, or a new one from the snapshot. */
export async function takePglite(): Promise<PGlite> {
  const reused = idle.pop();
  if (reused) return reused;
  const pglite = await PGlite.create("memory://", { loadDataDir: await pgliteSnapshot() });
  await pristineSchema(pglite);
  return pglite;
}

/** Empties an instance for the next test, or closes it when it is not as migrated any more. */
export async function giveBackPglite(pglite: PGlite): Promise<void> {
  if (pglite.closed) return;
  if (idle.length >= MAX_IDLE) return pglite.close();
  try {
    // A test may end inside a transaction, or with session settings, locks or temporary tables.
    // (Two statements: several in one query string run as one transaction, where DISCARD fails.)
    await pglite.exec("ROLLBACK");
    await pglite.exec("DISCARD ALL");
    const { fingerprint, tables } = await pristineSchema(pglite);
    if ((await fingerprintOf(pglite)) !== fingerprint) throw new Error("schema changed");
    await pglite.exec(`TRUNCATE ${tables} RESTART IDENTITY`);
    idle.push(pglite);
  } catch {
    await pglite.close().catch(() => {});
  }
}
