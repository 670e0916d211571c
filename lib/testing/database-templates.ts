import { createHash } from "node:crypto";
import { readdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import { applyMigrations, readMigrations } from "../db/migrations";
import { pgliteRunner, pgRunner } from "../db/sql-runner";

// Migrating a database takes most of a database test's set-up (PGlite's initdb alone is seconds of
// WASM), so it is done once per set of migrations and copied for each test: PGlite starts from a
// dump of a migrated data folder, PostgreSQL from `CREATE DATABASE … TEMPLATE`. Both are named by
// a hash of the migrations, so a changed migration makes a new one, and kept between runs.

export const PGLITE_SNAPSHOT_PREFIX = "actionboard-test-pglite-";
export const POSTGRES_TEMPLATE_PREFIX = "ab_template_";
// Any fixed number: one process at a time builds the PostgreSQL template.
const TEMPLATE_LOCK = 72_707_002;

/** PGlite's package.json (not among its exports): beside its dist/ folder. */
const PGLITE_PACKAGE = path.join(
  path.dirname(createRequire(import.meta.url).resolve("@electric-sql/pglite")),
  "..",
  "package.json",
);

/** A hash of every migration's name and checksum (and PGlite's version, which writes the dump). */
export async function migrationsKey(): Promise<string> {
  const { version } = JSON.parse(await readFile(PGLITE_PACKAGE, "utf8")) as { version: string };
  const hash = createHash("sha256").update(version);
  for (const m of await readMigrations()) hash.update(`\n${m.name} ${m.checksum}`);
  return hash.digest("hex").slice(0, 16);
}

let snapshot: Promise<Blob> | undefined;

/** A migrated PGlite data folder as a tarball (`loadDataDir`), built once and kept in tmpdir. */
export function pgliteSnapshot(): Promise<Blob> {
  snapshot ??= loadOrBuildSnapshot().catch((error: unknown) => {
    snapshot = undefined;
    throw error;
  });
  return snapshot;
}

async function loadOrBuildSnapshot(): Promise<Blob> {
  const file = path.join(tmpdir(), `${PGLITE_SNAPSHOT_PREFIX}${await migrationsKey()}.tar`);
  try {
    return new Blob([await readFile(file)]);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
  }
  const db = await PGlite.create("memory://");
  try {
    await applyMigrations(pgliteRunner(db));
    await db.exec("CHECKPOINT");
    const tarball = await db.dumpDataDir("none");
    // Written aside then renamed: a concurrent reader sees the whole file or none.
    const partial = `${file}.${process.pid}.partial`;
    await writeFile(partial, new Uint8Array(await tarball.arrayBuffer()));
    await rename(partial, file);
    return tarball;
  } finally {
    await db.close();
  }
}

/**
 * Removes PGlite snapshots of other migrations (a run that still wants one builds it again) and
 * half-written ones whose writer has ended.
 */
export async function removeOtherSnapshots(alive: (pid: number) => boolean): Promise<void> {
  const current = `${PGLITE_SNAPSHOT_PREFIX}${await migrationsKey()}.tar`;
  for (const name of await readdir(tmpdir())) {
    if (!name.startsWith(PGLITE_SNAPSHOT_PREFIX) || name === current) continue;
    const writer = /\.(\d+)\.partial$/.exec(name);
    if (writer && alive(Number(writer[1]))) continue;
    await rm(path.join(tmpdir(), name), { force: true });
  }
}

const templates = new Map<string, Promise<string>>();

/**
 * The name of a migrated template database on the PostgreSQL server `adminUrl` names, created
 * once per set of migrations. It takes no connections (CREATE DATABASE … TEMPLATE needs none).
 */
export function postgresTemplate(adminUrl: string): Promise<string> {
  let name = templates.get(adminUrl);
  if (!name) {
    name = ensureTemplate(adminUrl).catch((error: unknown) => {
      templates.delete(adminUrl);
      throw error;
    });
    templates.set(adminUrl, name);
  }
  return name;
}

/** Forgets the template name (it was dropped by a run with other migrations): made again. */
export function forgetPostgresTemplate(adminUrl: string): void {
  templates.delete(adminUrl);
}

async function ensureTemplate(adminUrl: string): Promise<string> {
  const name = `${POSTGRES_TEMPLATE_PREFIX}${await migrationsKey()}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query("SELECT pg_advisory_lock($1)", [TEMPLATE_LOCK]);
    const found = await admin.query(`SELECT 1 FROM pg_database WHERE datname = $1`, [name]);
    if (found.rowCount) return name;
    // Templates of older migrations go; a run still using one makes it again.
    const old = await admin.query<{ datname: string }>(
      `SELECT datname FROM pg_database WHERE datname LIKE $1 AND datname <> $2`,
      [`${POSTGRES_TEMPLATE_PREFIX}%`, name],
    );
    for (const { datname } of old.rows) {
      await admin.query(`ALTER DATABASE "${datname}" WITH IS_TEMPLATE false`);
      await admin.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
    }
    const building = `${name}_building`;
    await admin.query(`DROP DATABASE IF EXISTS "${building}" WITH (FORCE)`);
    await admin.query(`CREATE DATABASE "${building}"`);
    const url = new URL(adminUrl);
    url.pathname = `/${building}`;
    // As the app's pool connects (lib/db/open.ts): the session in UTC.
    const client = new pg.Client({ connectionString: url.toString(), options: "-c TimeZone=UTC" });
    await client.connect();
    try {
      await applyMigrations(pgRunner(client));
    } finally {
      await client.end();
    }
    await admin.query(`ALTER DATABASE "${building}" RENAME TO "${name}"`);
    await admin.query(`ALTER DATABASE "${name}" WITH IS_TEMPLATE true ALLOW_CONNECTIONS false`);
    return name;
  } finally {
    await admin.query("SELECT pg_advisory_unlock($1)", [TEMPLATE_LOCK]).catch(() => {});
    await admin.end();
  }
}
