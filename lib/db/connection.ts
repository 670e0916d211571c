import path from "node:path";
import { config } from "../config/config.mjs";

export type DatabaseTarget =
  { engine: "postgres"; url: string } | { engine: "pglite"; dir: string };

/** Default embedded data folder (git-ignored). */
const DEFAULT_PGLITE_DIR = path.join(process.cwd(), ".data", "pglite");

/** `DATABASE_URL` selects PostgreSQL; without it the app uses embedded PGlite on disk. */
export function resolveDatabaseTarget(): DatabaseTarget {
  const { DATABASE_URL: url, PGLITE_DIR } = config();
  if (url) return { engine: "postgres", url };
  return { engine: "pglite", dir: PGLITE_DIR || DEFAULT_PGLITE_DIR };
}

export function describeTarget(target: DatabaseTarget): string {
  if (target.engine === "pglite") return `embedded PGlite at ${target.dir}`;
  const url = new URL(target.url);
  return `PostgreSQL at ${url.hostname}:${url.port || 5432}${url.pathname}`;
}
