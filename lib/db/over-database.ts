import "server-only";
import { getDatabase } from "./client";
import type { OpenDatabase } from "./open";

/** Where a request edge gets its database: the server's own, or the one a test hands it. */
type DatabaseSource = () => Promise<OpenDatabase>;

type OverDatabase<F> = F & {
  /** The same edge over another database (tests), instead of swapping a global. */
  on(db: OpenDatabase): F;
};

/**
 * Builds a request edge (route handler, server action) over the server's database. The edge
 * obtains the database once per request and passes it on; `.on(db)` runs the very same edge
 * over a test's database.
 */
export function overDatabase<F extends object>(
  build: (database: DatabaseSource) => F,
): OverDatabase<F> {
  return Object.assign(build(getDatabase), { on: (db: OpenDatabase) => build(async () => db) });
}
