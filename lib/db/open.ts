import { mkdir } from "node:fs/promises";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { PrismaClient } from "../generated/prisma/client";
import type { DatabaseTarget } from "./connection";
import { pgCopyCsv, pgliteCopyCsv, type CopyCsv } from "./copy-csv";
import { applyMigrations } from "./migrations";
import { pgliteRunner, pgRunner, type SqlRunner } from "./sql-runner";
import { logger } from "../observability/logger.mjs";

export interface OpenDatabase {
  prisma: PrismaClient;
  /** Runs plain SQL (migrations, bulk loads) on the same database. */
  withRunner<T>(fn: (runner: SqlRunner) => Promise<T>): Promise<T>;
  /** A query's rows as CSV bytes written by the database itself (exports). */
  copyCsv: CopyCsv;
  close(): Promise<void>;
}

/** Opens a database with a Prisma client and a raw SQL runner. `pglite` with dir `memory://` is in-memory. */
export async function openDatabase(target: DatabaseTarget): Promise<OpenDatabase> {
  if (target.engine === "pglite") {
    if (!target.dir.startsWith("memory://")) await mkdir(target.dir, { recursive: true });
    return overPglite(await PGlite.create(target.dir));
  }
  // The adapter sends timestamps without an offset: the session must be in UTC, whatever the
  // server's default zone (prisma/prisma#26786).
  const pool = new pg.Pool({ connectionString: target.url, max: 10, options: "-c TimeZone=UTC" });
  // An idle connection dropped by the server (restart, failover) must not crash the process;
  // the pool replaces it on the next query.
  pool.on("error", (error) =>
    logger().warn({ err: error }, `PostgreSQL connection lost: ${error.message}`),
  );
  const prisma = new PrismaClient({ adapter: new PrismaPg(pool) });
  return {
    prisma,
    copyCsv: pgCopyCsv(pool),
    async withRunner(fn) {
      const client = await pool.connect();
      try {
        return await fn(pgRunner(client));
      } finally {
        client.release();
      }
    },
    async close() {
      await prisma.$disconnect();
      await pool.end();
    },
  };
}

/** A database over a PGlite instance already open (tests start one from a migrated snapshot). */
export function overPglite(pglite: PGlite): OpenDatabase {
  const runner = pgliteRunner(pglite);
  const prisma = new PrismaClient({ adapter: new PrismaPGlite(pglite) });
  return {
    prisma,
    // PGlite is one connection: callers must not interleave runner and Prisma transactions.
    withRunner: (fn) => fn(runner),
    copyCsv: pgliteCopyCsv(pglite),
    async close() {
      await prisma.$disconnect();
      await pglite.close();
    },
  };
}

export async function migrate(db: OpenDatabase): Promise<string[]> {
  return db.withRunner((runner) => applyMigrations(runner));
}
