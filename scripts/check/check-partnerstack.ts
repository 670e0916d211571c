// npm run check:partnerstack — the PartnerStack import killed for real (issue 14). A source
// Actionboard with the demo data serves its v2 API on a local port (in this process); for each
// target database (a fresh local PostgreSQL database, a fresh embedded PGlite folder) the import
// CLI (`npm run import:partnerstack`) runs as its own process and is SIGKILLed, process group and
// all, once it reports --kill-at actions fetched. Run again, it waits for the dead run's lease and
// continues; a third run must store nothing. Then the target's Actions tab must show the source's
// numbers (and drill-down keys) for ten filter URLs, read through the query module.
//   npm run check:partnerstack
//   npm run check:partnerstack -- --engines pglite --kill-at 30000
// Options (flag or variable): --engines CHECK_PS_ENGINES (postgres,pglite), --kill-at
// CHECK_PS_KILL_AT (20000 actions). Databases: ab_check_partnerstack on the server of
// TEST_DATABASE_URL (local hosts only), .data/check/partnerstack-pglite; kept for inspection.
import { spawn } from "node:child_process";
import type { DatabaseTarget } from "../../lib/db/connection";
import { ACME } from "../../lib/seed/demo-programs";
import { readOptions } from "./options";

const options = readOptions({
  command: "npm run check:partnerstack",
  summary:
    "The PartnerStack import killed for real: runs the import CLI, SIGKILLs it, runs it again, and checks the tab shows the source's numbers.",
  flags: {
    engines: "postgres and/or pglite, CHECK_PS_ENGINES (postgres,pglite).",
    "kill-at": "Kill once this many actions were fetched, CHECK_PS_KILL_AT (20000).",
  },
});
const KILL_AT = options.whole("kill-at", "CHECK_PS_KILL_AT", 20_000, 250, ACME.actions - 250);
const ENGINES = options.engines("engines", "CHECK_PS_ENGINES");
// The work's modules load after the command line is read: `--help` answers without them.
const { postgresTabEngine } = await import("../../lib/stats/engines");
const { migrate, openDatabase } = await import("../../lib/db/open");
const { ACME_TAB_FILTERS, createImportTarget, startDemoSource } =
  await import("../../app/api/v2/tests/partnerstack-fixture");
const { tabNumbers } = await import("../../lib/testing/tab-by-names");
const { freshDatabase } = await import("./fixture");
const { describeMachine } = await import("./machine");

const NOW = Date.UTC(2026, 10, 21);

interface Run {
  code: number | null;
  signal: NodeJS.Signals | null;
  ms: number;
  lines: string[];
}

/** The import CLI as its own process group; `killAt` SIGKILLs the group at that many actions. */
function runCli(
  target: DatabaseTarget,
  slug: string,
  baseUrl: string,
  keys: { publicKey: string; secretKey: string },
  killAt?: number,
) {
  const started = Date.now();
  const child = spawn(
    "npx",
    [
      "tsx",
      "--conditions=react-server",
      "scripts/import-partnerstack.ts",
      "--program",
      slug,
      "--base-url",
      baseUrl,
    ],
    {
      detached: true,
      stdio: ["ignore", "pipe", "pipe"],
      env: {
        ...process.env,
        DATABASE_URL: target.engine === "postgres" ? target.url : "",
        PGLITE_DIR: target.engine === "pglite" ? target.dir : "",
        PARTNERSTACK_PUBLIC_KEY: keys.publicKey,
        PARTNERSTACK_SECRET_KEY: keys.secretKey,
      },
    },
  );
  const lines: string[] = [];
  let killed = false;
  const read = (chunk: Buffer) => {
    for (const line of chunk.toString().split("\n").filter(Boolean)) {
      lines.push(line);
      const fetched = /actions: ([\d,]+) fetched/.exec(line);
      if (
        killAt !== undefined &&
        !killed &&
        fetched &&
        Number(fetched[1].replaceAll(",", "")) >= killAt
      ) {
        killed = true;
        process.kill(-child.pid!, "SIGKILL");
      }
    }
  };
  child.stdout.on("data", read);
  child.stderr.on("data", read);
  return new Promise<Run>((resolve) =>
    child.on("exit", (code, signal) => resolve({ code, signal, ms: Date.now() - started, lines })),
  );
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

console.log(`check:partnerstack on ${describeMachine()}`);
console.log(
  `Seeding the source (demo data, ${ACME.actions.toLocaleString("en")} actions in ${ACME.slug})…`,
);
const source = await startDemoSource("postgres");
const failures: string[] = [];
try {
  for (const engine of ENGINES) {
    const target = await freshDatabase(
      engine === "postgres"
        ? { engine, name: "ab_check_partnerstack" }
        : { engine: "pglite", dir: ".data/check/partnerstack-pglite" },
    );
    let db = await openDatabase(target);
    await migrate(db);
    const program = await createImportTarget(db.prisma, source);
    await db.close(); // PGlite: one process per folder, and the CLI is another
    const cli = (killAt?: number) =>
      runCli(target, program.slug, source.server.baseUrl, source.keys, killAt);

    const first = await cli(KILL_AT);
    const fetchedAtKill = first.lines.filter((l) => l.includes("actions:")).at(-1);
    console.log(
      `\n${engine}: first run SIGKILLed after ${seconds(first.ms)} (${first.signal ?? `exit ${first.code}`}; last report "${fetchedAtKill?.trim()}")`,
    );
    if (first.signal !== "SIGKILL")
      failures.push(`${engine}: the first run was not killed (${first.code})`);

    const second = await cli();
    const waited = second.lines.find((l) => l.includes("another run holds"));
    console.log(
      `${engine}: second run ${second.code === 0 ? "finished" : `failed (${second.code})`} in ${seconds(second.ms)}${waited ? ` after waiting for the dead run's lease (${waited.trim()})` : ""}`,
    );
    for (const line of second.lines.slice(
      second.lines.findIndex((l) => l.startsWith("Import finished")),
    ))
      console.log(`  ${line.trim()}`);
    if (second.code !== 0)
      failures.push(`${engine}: the resumed run failed:\n${second.lines.join("\n")}`);

    const third = await cli();
    const summary = (run: Run) =>
      run.lines.slice(run.lines.findIndex((l) => l.startsWith("Import finished")) + 1);
    const stored = summary(third)
      .filter((l) => / stored/.test(l))
      .map((l) => Number(/([\d,]+) stored/.exec(l)![1].replaceAll(",", "")));
    console.log(
      `${engine}: third run ${third.code === 0 ? "finished" : "failed"} in ${seconds(third.ms)}, stored ${stored.join(" + ")}`,
    );
    if (third.code !== 0 || stored.length !== 5 || stored.some((n) => n !== 0)) {
      failures.push(
        `${engine}: the third run stored something or failed:\n${third.lines.join("\n")}`,
      );
    }

    db = await openDatabase(target);
    try {
      const actions = await db.prisma.action.count({ where: { programId: program.id } });
      if (actions !== ACME.actions)
        failures.push(`${engine}: ${actions} actions, not ${ACME.actions}`);
      const sourceTab = {
        db: source.db,
        analytics: { engine: postgresTabEngine(source.db), worker: null },
      };
      const targetTab = { db, analytics: { engine: postgresTabEngine(db), worker: null } };
      let same = 0;
      for (const view of ACME_TAB_FILTERS) {
        const expected = JSON.stringify(await tabNumbers(sourceTab, source.program, view, NOW));
        const actual = JSON.stringify(await tabNumbers(targetTab, program, view, NOW));
        if (expected === actual) same++;
        else failures.push(`${engine}: the tab differs for ${JSON.stringify(view)}`);
      }
      console.log(
        `${engine}: ${actions.toLocaleString("en")} actions; the tab and drill-down agree with the source for ${same} of ${ACME_TAB_FILTERS.length} filter URLs`,
      );
    } finally {
      await db.close();
    }
  }
} finally {
  await source.close();
}
if (failures.length > 0) {
  console.error(`\nFAILED:\n${failures.join("\n")}`);
  process.exitCode = 1;
} else {
  console.log("\nAll checks passed.");
}
