import "server-only";
import { onShutdown } from "../background/shutdown.mjs";
import { resolveDatabaseTarget } from "./connection";
import { migrate, openDatabase, type OpenDatabase } from "./open";

// One database per server process, kept on globalThis: Next bundles route handlers and pages into
// separate module graphs, and PGlite allows only one opener of its data folder.
const store = globalThis as typeof globalThis & { __actionboardDb?: Promise<OpenDatabase> };

async function openAppDatabase(): Promise<OpenDatabase> {
  const target = resolveDatabaseTarget();
  const db = await openDatabase(target);
  // Closed last at shutdown, after the work and the requests that use it (PGlite: cleanly, so the
  // next process finds its folder consistent).
  onShutdown("database", () => db.close(), "resource");
  // The server owns the embedded database, so it brings the schema up to date itself.
  if (target.engine === "pglite") await migrate(db);
  return db;
}

/**
 * The server's database, for the request edges only (pages, route handlers, server actions, the
 * sign-in callback): they obtain it once and hand it to the data functions as their first parameter.
 */
export function getDatabase(): Promise<OpenDatabase> {
  if (!store.__actionboardDb) {
    store.__actionboardDb = openAppDatabase().catch((error) => {
      store.__actionboardDb = undefined;
      throw error;
    });
  }
  return store.__actionboardDb;
}
