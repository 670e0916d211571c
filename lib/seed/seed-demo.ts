import type { SqlRunner } from "../db/sql-runner";
import { DEMO_PROGRAMS } from "./demo-programs";
import { seedProgram, type SeededProgram } from "./seed-program";

const HOUR_MS = 3_600_000;

/**
 * What the demo may do with a database: `seeded` (it holds the demo already), `empty` (no user and
 * no program: the demo may load), or `foreign` — it holds someone's data, into which the demo must
 * never put its logins with published passwords and an API key whose secret is in the README.
 */
export type DemoSeedState =
  { kind: "seeded" } | { kind: "empty" } | { kind: "foreign"; users: number; programs: number };

export async function demoSeedState(db: SqlRunner): Promise<DemoSeedState> {
  const [row] = await db.query<{ demo: boolean; users: number; programs: number }>(
    `SELECT EXISTS (SELECT 1 FROM programs WHERE slug = $1) AS demo,
            (SELECT count(*)::int FROM users) AS users,
            (SELECT count(*)::int FROM programs) AS programs`,
    [DEMO_PROGRAMS[0].slug],
  );
  if (row.demo) return { kind: "seeded" };
  if (row.users === 0 && row.programs === 0) return { kind: "empty" };
  return { kind: "foreign", users: row.users, programs: row.programs };
}

/** The refusal for a database holding someone else's data. */
export function foreignDatabaseMessage(state: { users: number; programs: number }, target: string) {
  return (
    `${target} already holds ${state.users} user(s) and ${state.programs} program(s), and not the demo: ` +
    "the demo is loaded only into an empty database, because it adds logins whose passwords are " +
    "published and an API key whose secret is in the README. Point DATABASE_URL (or PGLITE_DIR) " +
    "at an empty database for the demo, or run your own data with `npm start`."
  );
}

/**
 * Seeds the demo programs in one transaction. Data ends at the current hour, so the Actions tab's
 * default "past 30 days" always has data; counts and totals do not depend on the hour.
 */
export async function seedDemo(db: SqlRunner, now = Date.now()): Promise<SeededProgram[]> {
  const anchor = Math.floor(now / HOUR_MS) * HOUR_MS;
  const hashes = new Map<string, string>();
  await db.exec("BEGIN");
  try {
    const seeded: SeededProgram[] = [];
    for (const spec of DEMO_PROGRAMS) seeded.push(await seedProgram(db, spec, anchor, hashes));
    await db.exec("COMMIT");
    // Statistics for the planner now, not whenever autovacuum gets round to it (or never, where it
    // is off): without them the any-time drill-down took 9–12 s instead of 0.14 s.
    await db.exec("ANALYZE");
    return seeded;
  } catch (error) {
    await db.exec("ROLLBACK");
    throw error;
  }
}
