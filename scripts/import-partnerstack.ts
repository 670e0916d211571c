// npm run import:partnerstack -- --program <slug> [--base-url <url>] [--rerun-rules]
// Imports a PartnerStack program (or another Actionboard's, which speaks the same v2 API) into
// the program <slug>: groups, partnerships, customers, actions and rewards. Keys come from
// PARTNERSTACK_PUBLIC_KEY and PARTNERSTACK_SECRET_KEY, else from the program's saved connection
// (which needs ACTIONBOARD_ENCRYPTION_KEY). Stopped for any reason, run it again: it continues from
// the last page stored. Run after a finished import, it reads everything again and adds only what
// is new. An app on the embedded database holds its folder: stop it first.
import { failUsage, readCommandLine } from "./lib/command-line.mjs";

const cli = {
  command: "npm run import:partnerstack",
  summary:
    "Imports a PartnerStack program (or another Actionboard's, same v2 API) into the program <slug>: groups, partnerships, customers, actions and rewards. Run again to continue or to add what is new.",
  options: {
    program: {
      type: "string",
      value: "slug",
      description: "The program to import into (required).",
    },
    "base-url": { type: "string", value: "url", description: "The API to read (PartnerStack's)." },
    "rerun-rules": {
      type: "boolean",
      description: "Apply the reward rules again to imported actions.",
    },
  },
  notes: [
    "Keys: PARTNERSTACK_PUBLIC_KEY and PARTNERSTACK_SECRET_KEY, else the program's saved connection",
    "(needs ACTIONBOARD_ENCRYPTION_KEY). An app on the embedded database holds its folder: stop it first.",
  ],
} as const;
const { values } = readCommandLine(cli);
const fail = (message: string): never => {
  console.error(message);
  process.exit(1);
};
if (!values.program) failUsage(cli, "missing --program <slug>");

// The work's modules load after the command line is read: `--help` answers without them.
const { listWaitingManagers } = await import("../lib/partnerstack/list-waiting-managers");
const { describeTarget, resolveDatabaseTarget } = await import("../lib/db/connection");
const { migrate, openDatabase } = await import("../lib/db/open");
const { openConnection } = await import("../lib/partnerstack/connection");
const { describeStep } = await import("../lib/partnerstack/describe-progress");

const { PARTNERSTACK_BASE_URL, partnerStackClient } =
  await import("../lib/partnerstack/partnerstack-client");
const { ImportBusyError, runImport, startOrResumeImport } =
  await import("../lib/partnerstack/run-import");

const target = resolveDatabaseTarget();
const db = await openDatabase(target);
try {
  await migrate(db);
  const program = await db.prisma.program.findUnique({ where: { slug: values.program! } });
  if (!program) fail(`No program with slug "${values.program}" in ${describeTarget(target)}.`);
  const saved = await openConnection(db.prisma, program!.id).catch((error: Error) => {
    if (process.env.PARTNERSTACK_SECRET_KEY) return null;
    return fail(`The saved connection cannot be read: ${error.message}`);
  });
  const envKeys =
    process.env.PARTNERSTACK_PUBLIC_KEY && process.env.PARTNERSTACK_SECRET_KEY
      ? {
          publicKey: process.env.PARTNERSTACK_PUBLIC_KEY,
          secretKey: process.env.PARTNERSTACK_SECRET_KEY,
        }
      : null;
  const keys = envKeys ?? saved?.keys;
  if (!keys) {
    fail(
      "No keys: set PARTNERSTACK_PUBLIC_KEY and PARTNERSTACK_SECRET_KEY, or connect the program in its PartnerStack settings first.",
    );
  }
  const baseUrl = values["base-url"] ?? saved?.baseUrl ?? PARTNERSTACK_BASE_URL;
  const client = partnerStackClient(baseUrl, keys!, {
    onRateLimited: (ms) => console.log(`  rate limited: waiting ${(ms / 1000).toFixed(1)} s`),
  });
  const { importId, resumed } = await startOrResumeImport(db.prisma, program!.id, {
    baseUrl,
    rerunRules: values["rerun-rules"] === true,
    actor: { system: "npm run import:partnerstack" },
  });
  console.log(
    `${resumed ? "Resuming" : "Starting"} import #${importId} of ${baseUrl} into "${program!.slug}"…`,
  );
  let lastLine = 0;
  for (;;) {
    try {
      const steps = await runImport(db.prisma, program!.id, importId, client, {
        onProgress: (step) => {
          if (!step.done && Date.now() - lastLine < 1000) return;
          lastLine = Date.now();
          console.log(`  ${describeStep(step)}`);
        },
      });
      console.log("Import finished:");
      for (const step of steps) console.log(`  ${describeStep(step)}`);
      const waiting = await listWaitingManagers(db.prisma, program!.id);
      if (waiting.length > 0) {
        const partnerships = waiting.reduce((sum, m) => sum + m.partnerships, 0);
        console.log(
          `  ${partnerships} partnerships wait for a manager: ${waiting.length} managers the source names are not members (invite them on the PartnerStack page; each is assigned on joining).`,
        );
      }
      break;
    } catch (error) {
      if (!(error instanceof ImportBusyError)) throw error;
      // A run that was killed holds the import until its lease ends; another may be running.
      const wait = Math.max(error.lockedUntil.getTime() - Date.now(), 0) + 500;
      console.log(`  another run holds this import; trying again in ${Math.ceil(wait / 1000)} s`);
      await new Promise((resolve) => setTimeout(resolve, wait));
    }
  }
} catch (error) {
  console.error(`Import stopped: ${error instanceof Error ? error.message : String(error)}`);
  console.error("Run the same command again to continue from the last page stored.");
  process.exitCode = 1;
} finally {
  await db.close();
}
