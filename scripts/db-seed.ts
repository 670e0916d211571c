// npm run db:seed [-- --reset] — loads the demo programs (migrating first). Refuses to seed twice
// unless --reset, which wipes every table first (local databases only).
import { describeTarget, resolveDatabaseTarget } from "../lib/db/connection";
import { assertLocalDatabase } from "../lib/db/local-guard";
import { migrate, openDatabase } from "../lib/db/open";
import { DEMO_LOGIN } from "../lib/seed/demo-programs";
import { demoSeedState, foreignDatabaseMessage, seedDemo } from "../lib/seed/seed-demo";
import { truncateAll } from "../lib/seed/truncate-all";
import { readCommandLine } from "./lib/command-line";

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
