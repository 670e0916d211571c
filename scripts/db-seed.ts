// npm run db:seed [-- --reset] — loads the demo programs (migrating first). Refuses to seed twice
// unless --reset, which wipes every table first (local databases only).
import { readCommandLine } from "./lib/command-line.mjs";

const { values } = readCommandLine({
  command: "npm run db:seed",
  summary:
    "Loads the demo programs into DATABASE_URL or the embedded database (migrating first). Refuses to seed twice.",
  options: {
    reset: {
      type: "boolean",
      description: "Wipe every table first, then seed (local databases only).",
    },
  },
});

// The work's modules load after the command line is read: `--help` answers without them.
const { describeTarget, resolveDatabaseTarget } = await import("../lib/db/connection");
const { assertLocalDatabase } = await import("../lib/db/local-guard");
const { migrate, openDatabase } = await import("../lib/db/open");
const { DEMO_LOGIN } = await import("../lib/seed/demo-programs");
const { demoSeedState, foreignDatabaseMessage, seedDemo } = await import("../lib/seed/seed-demo");
const { truncateAll } = await import("../lib/seed/truncate-all");

const target = resolveDatabaseTarget();
const reset = values.reset === true;
const db = await openDatabase(target);
try {
  await migrate(db);
  await db.withRunner(async (runner) => {
    if (reset) {
      assertLocalDatabase(target);
      await truncateAll(runner);
    } else {
      const state = await demoSeedState(runner);
      if (state.kind === "seeded") {
        console.log(
          `${describeTarget(target)} already holds the demo data (use --reset to reload).`,
        );
        return;
      }
      if (state.kind === "foreign") {
        console.error(foreignDatabaseMessage(state, describeTarget(target)));
        process.exitCode = 1;
        return;
      }
    }
    const started = Date.now();
    const seeded = await seedDemo(runner);
    for (const p of seeded) {
      console.log(
        `Seeded ${p.slug}: ${p.partnerships} partnerships, ${p.customers} customers, ${p.actions} actions, ${p.rewards} rewards`,
      );
    }
    console.log(
      `Done in ${((Date.now() - started) / 1000).toFixed(1)} s on ${describeTarget(target)}.`,
    );
    console.log(`Demo login: ${DEMO_LOGIN.email} / ${DEMO_LOGIN.password}`);
  });
} finally {
  await db.close();
}
