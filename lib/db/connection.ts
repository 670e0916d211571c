import path from "node:path";

export type DatabaseTarget =
  { engine: "postgres"; url: string } | { engine: "pglite"; dir: string };

/** Default embedded data folder (git-ignored). */
const DEFAULT_PGLITE_DIR = path.join(process.cwd(), ".data", "pglite");

/** `DATABASE_URL` selects PostgreSQL; without it the app uses embedded PGlite on disk. */
export function resolveDatabaseTarget(env: NodeJS.ProcessEnv = process.env): DatabaseTarget {
  const url = env.DATABASE_URL?.trim();
  if (url) {
    if (!/^postgres(ql)?:\/\//.test(url)) {
      throw new Error("DATABASE_URL must start with postgres:// or postgresql://");
    }
    return { engine: "postgres", url };
  }
  return { engine: "pglite", dir: env.PGLITE_DIR?.trim() || DEFAULT_PGLITE_DIR };
}

export function describeTarget(target: DatabaseTarget): string {
  if (target.engine === "pglite") return `embedded PGlite at ${target.dir}`;
  const url = new URL(target.url);
  return `PostgreSQL at ${url.hostname}:${url.port || 5432}${url.pathname}`;
}
