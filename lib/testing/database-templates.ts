import { createHash } from "node:crypto";
import { readdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import { assertLocalDatabase } from "../db/local-guard";
import { applyMigrations, readMigrations } from "../db/migrations";
import { openDatabase } from "../db/open";
import { pgliteRunner } from "../db/sql-runner";

// Creating and migrating a database takes most of a database test's set-up (PGlite's initdb alone
// is seconds of WASM; PostgreSQL's migrations half a second of its 0.65 s), so it is done once per
// set of migrations, named by a hash of the migrations (a changed migration makes a new one) and
// kept between runs: each test's PGlite starts from a dump of a migrated data folder, each
// PostgreSQL test database is `CREATE DATABASE … TEMPLATE` of a migrated database (PostgreSQL 15's
// WAL_LOG copy: no checkpoint, as cheap as the copy of template1 a plain CREATE DATABASE makes).

export const PGLITE_SNAPSHOT_PREFIX = "actionboard-test-pglite-";
export const POSTGRES_TEMPLATE_PREFIX = "ab_template_";
/** Held while a PostgreSQL template is checked or built (two runs at once build it once). */
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

let template: Promise<string> | undefined;

/**
 * The name of the migrated PostgreSQL database test databases are copied from, on the server
 * `adminUrl` names: built once per set of migrations (templates of other migrations are dropped).
 */
export function postgresTemplate(adminUrl: string): Promise<string> {
  template ??= ensureTemplate(adminUrl).catch((error: unknown) => {
    template = undefined;
    throw error;
  });
  return template;
}

/** Forgets the template's name: a run with other migrations dropped it, so it is built again. */
export function forgetPostgresTemplate(): void {
  template = undefined;
}

async function ensureTemplate(adminUrl: string): Promise<string> {
  assertLocalDatabase({ engine: "postgres", url: adminUrl });
  const name = `${POSTGRES_TEMPLATE_PREFIX}${await migrationsKey()}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query("SELECT pg_advisory_lock($1)", [TEMPLATE_LOCK]);
    const found = await admin.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
    if (found.rowCount) return name;
    const old = await admin.query<{ datname: string }>(
      "SELECT datname FROM pg_database WHERE datname LIKE $1 AND datname <> $2",
      [`${POSTGRES_TEMPLATE_PREFIX}%`, name],
    );
    for (const { datname } of old.rows) {
      await admin.query(`ALTER DATABASE "${datname}" WITH IS_TEMPLATE false`);
      await admin.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
    }
    // Built under another name and renamed when whole: a run stopped halfway leaves no template.
    const building = `${name}_building`;
    await admin.query(`DROP DATABASE IF EXISTS "${building}" WITH (FORCE)`);
    await admin.query(`CREATE DATABASE "${building}"`);
    const url = new URL(adminUrl);
    url.pathname = `/${building}`;
    const db = await openDatabase({ engine: "postgres", url: url.toString() });
    try {
      await db.withRunner((runner) => applyMigrations(runner));
    } finally {
      await db.close();
    }
    await admin.query(`ALTER DATABASE "${building}" RENAME TO "${name}"`);
    await admin.query(`ALTER DATABASE "${name}" WITH IS_TEMPLATE true ALLOW_CONNECTIONS false`);
    return name;
  } finally {
    await admin.query("SELECT pg_advisory_unlock($1)", [TEMPLATE_LOCK]).catch(() => {});
    await admin.end();
  }
}
