import { createHash } from "node:crypto";
import { readdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { applyMigrations, readMigrations } from "../db/migrations";
import { pgliteRunner } from "../db/sql-runner";

// Creating and migrating a PGlite database takes most of a database test's set-up (initdb alone is
// seconds of WASM), so it is done once per set of migrations: each test's PGlite starts from a dump
// of a migrated data folder, named by a hash of the migrations (a changed migration makes a new
// one) and kept between runs. (PostgreSQL databases made by CREATE DATABASE … TEMPLATE made
// lib/partnerstack/import.test.ts exceed Prisma's 5 s transaction limit: PostgreSQL still migrates.)

export const PGLITE_SNAPSHOT_PREFIX = "actionboard-test-pglite-";

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
