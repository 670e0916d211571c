// npm run db:migrate — applies committed migrations to DATABASE_URL, or to the embedded database.
import { readCommandLine } from "./lib/command-line.mjs";

readCommandLine({
  command: "npm run db:migrate",
  summary: "Applies the committed migrations to DATABASE_URL, or to the embedded database (.data).",
});

// The work's modules load after the command line is read: `--help` answers without them.
const { describeTarget, resolveDatabaseTarget } = await import("../lib/db/connection");
const { migrate, openDatabase } = await import("../lib/db/open");

const target = resolveDatabaseTarget();
const db = await openDatabase(target);
try {
  const applied = await migrate(db);
  console.log(
    applied.length
      ? `Applied ${applied.length} migration(s) to ${describeTarget(target)}: ${applied.join(", ")}`
      : `${describeTarget(target)} is up to date.`,
  );
} finally {
  await db.close();
}
