// npm run db:migration:create -- <name>
// Writes prisma/migrations/<timestamp>_<name>/migration.sql: the SQL that takes a database with
// every committed migration applied to the state described by prisma/schema.prisma.
// Uses Prisma's schema engine compiled to WASM against an in-memory PGlite, so nothing downloads.
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import type { PGlite } from "@electric-sql/pglite";
import { failUsage, readCommandLine } from "./lib/command-line.mjs";

const cli = {
  command: "npm run db:migration:create",
  summary:
    "Writes prisma/migrations/<timestamp>_<name>/migration.sql: the SQL from the committed migrations to prisma/schema.prisma.",
  positionals: [{ name: "name", description: "The migration's name, in snake_case." }],
};
const { positionals } = readCommandLine(cli);

// The work's modules load after the command line is read: `--help` answers without them.
const { bindMigrationAwareSqlAdapterFactory } = await import("@prisma/driver-adapter-utils");
const { PrismaPGlite } = await import("pglite-prisma-adapter");
const { applyMigrations, MIGRATIONS_DIR } = await import("../lib/db/migrations");
const { pgliteRunner } = await import("../lib/db/sql-runner");

interface SchemaEngine {
  diff(params: unknown): Promise<{ exitCode: number; stdout: string | null }>;
}

async function loadSchemaEngine(
  schemaPath: string,
  schema: string,
  pglite: PGlite,
): Promise<SchemaEngine> {
  const pkgDir = path.join(process.cwd(), "node_modules", "@prisma", "schema-engine-wasm");
  const bg = await import(path.join(pkgDir, "schema_engine_bg.js"));
  const bytes = await readFile(path.join(pkgDir, "schema_engine_bg.wasm"));
  const { instance } = await WebAssembly.instantiate(bytes, { "./schema_engine_bg.js": bg });
  bg.__wbg_set_wasm(instance.exports);
  (instance.exports as { __wbindgen_start: () => void }).__wbindgen_start();
  return bg.SchemaEngine.new(
    { datamodels: [[schemaPath, schema]] },
    () => {},
    bindMigrationAwareSqlAdapterFactory(new PrismaPGlite(pglite)),
  );
}

async function main() {
  const name = positionals[0].trim();
  if (!/^[a-z0-9_]+$/.test(name)) failUsage(cli, `"${name}" is not snake_case`);
  const schemaPath = path.join(process.cwd(), "prisma", "schema.prisma");
  const schema = await readFile(schemaPath, "utf8");
  const { PGlite } = await import("@electric-sql/pglite");
  const pglite = await PGlite.create("memory://");
  await mkdir(MIGRATIONS_DIR, { recursive: true });
  await applyMigrations(pgliteRunner(pglite));
  const engine = await loadSchemaEngine(schemaPath, schema, pglite);
  const files = [{ path: schemaPath, content: schema }];
  const result = await engine.diff({
    from: { tag: "schemaDatasource", files, configDir: process.cwd() },
    to: { tag: "schemaDatamodel", files },
    script: true,
    exitCode: true,
    filters: { externalTables: [], externalEnums: [] },
  });
  await pglite.close();
  if (result.exitCode !== 2 || !result.stdout) {
    console.log("The schema matches the migrations: nothing to write.");
    return;
  }
  const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
  const dir = path.join(MIGRATIONS_DIR, `${stamp}_${name}`);
  await mkdir(dir, { recursive: true });
  await writeFile(path.join(dir, "migration.sql"), result.stdout);
  console.log(
    `Wrote ${path.relative(process.cwd(), dir)}/migration.sql — review it, then npm run db:migrate`,
  );
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
