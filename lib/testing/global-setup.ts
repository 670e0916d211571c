import { readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { detectEngines, testDatabaseUrl, type Engine } from "./engines";
import { CHDB_TEST_FOLDER_PREFIX } from "./chdb-test-folder";
import { pgliteSnapshot, postgresTemplate, removeOtherSnapshots } from "./database-templates";

declare module "vitest" {
  export interface ProvidedContext {
    engines: Engine[];
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Embedded ClickHouse folders of test processes that have ended (another run may be going on). */
function removeChdbFolders() {
  for (const name of readdirSync(tmpdir())) {
    if (!name.startsWith(CHDB_TEST_FOLDER_PREFIX)) continue;
    const pid = Number(name.slice(CHDB_TEST_FOLDER_PREFIX.length));
    if (!alive(pid)) rmSync(path.join(tmpdir(), name), { recursive: true, force: true });
  }
}

export default async function setup(project: TestProject) {
  const engines = await detectEngines();
  project.provide("engines", engines);
  // The migrated data folder every PGlite test database starts from, and the migrated PostgreSQL
  // database the others are copied from: built here once (when the migrations changed) rather than
  // by every worker at the same time.
  await removeOtherSnapshots(alive);
  if (engines.includes("pglite")) await pgliteSnapshot();
  if (engines.includes("postgres")) await postgresTemplate(testDatabaseUrl());
  return removeChdbFolders;
}
