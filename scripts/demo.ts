// npm run demo — prepares the database (migrate; seed when empty), builds when the sources are
// newer than the last build, starts a mail catcher for scheduled deliveries (unless SMTP_URL is
// set), starts the app (with an encryption key of its own in .data unless ACTIONBOARD_ENCRYPTION_KEY
// is set) and prints where to sign in.
import { spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { constants } from "node:os";
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { readCommandLine } from "./lib/command-line.mjs";

readCommandLine({
  command: "npm run demo",
  summary:
    "Prepares the database (migrate; seed when empty), builds when the sources changed, starts a mail catcher and the app, and prints where to sign in.",
  notes: [
    "Environment: PORT (3000), HOST (127.0.0.1), DATABASE_URL (else the embedded database), SMTP_URL",
    "(else a local mail catcher), ACTIONBOARD_ENCRYPTION_KEY (else one of this checkout's own).",
  ],
});

// The work's modules load after the command line is read: `--help` answers without them.
const { describeTarget, resolveDatabaseTarget } = await import("../lib/db/connection");
const { migrate, openDatabase } = await import("../lib/db/open");
const { DEMO_LOGIN } = await import("../lib/seed/demo-programs");
const { demoSeedState, foreignDatabaseMessage, seedDemo } = await import("../lib/seed/seed-demo");
const { startMailCatcher } = await import("./mail-catcher");

const port = Number(process.env.PORT ?? 3000);
const host = process.env.HOST ?? "127.0.0.1";
const origin = `http://${host}:${port}`;

function newestSourceTime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === "generated" || entry.name.startsWith(".")) continue;
    const full = path.join(dir, entry.name);
    newest = Math.max(
      newest,
      entry.isDirectory() ? newestSourceTime(full) : statSync(full).mtimeMs,
    );
  }
  return newest;
}

function needsBuild(): boolean {
  const buildId = path.join(".next", "BUILD_ID");
  if (!existsSync(buildId)) return true;
  const built = statSync(buildId).mtimeMs;
  const sources = ["app", "components", "lib", "public"].filter(existsSync).map(newestSourceTime);
  const configs = ["next.config.ts", "tailwind.config.ts", "package.json", "proxy.ts"].map(
    (f) => statSync(f).mtimeMs,
  );
  return Math.max(...sources, ...configs) > built;
}

/**
 * ACTIONBOARD_ENCRYPTION_KEY when set; else this checkout's own, made once in .data (so the demo's
 * PartnerStack connection can be tried). A production server sets the variable itself.
 */
function demoEncryptionKey(): string {
  const given = process.env.ACTIONBOARD_ENCRYPTION_KEY?.trim();
  if (given) return given;
  const file = path.resolve(".data", "encryption-key");
  if (!existsSync(file)) {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, randomBytes(32).toString("base64url"), { mode: 0o600 });
  }
  return readFileSync(file, "utf8").trim();
}

async function prepareDatabase() {
  const target = resolveDatabaseTarget();
  console.log(`Database: ${describeTarget(target)}`);
  const db = await openDatabase(target);
  try {
    const applied = await migrate(db);
    if (applied.length) console.log(`Applied migrations: ${applied.join(", ")}`);
    await db.withRunner(async (runner) => {
      const state = await demoSeedState(runner);
      if (state.kind === "seeded") return console.log("Demo data already loaded.");
      if (state.kind === "foreign") {
        console.error(foreignDatabaseMessage(state, describeTarget(target)));
        process.exit(1);
      }
      console.log("Loading demo data (a few seconds)…");
      const seeded = await seedDemo(runner);
      for (const p of seeded)
        console.log(`  ${p.slug}: ${p.actions} actions, ${p.rewards} rewards`);
    });
  } finally {
    // PGlite allows one process per data folder: release it before the server opens it.
    await db.close();
  }
}

async function waitUntilReady(url: string, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      const response = await fetch(url, { redirect: "manual" });
      if (response.status < 500) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
  throw new Error(`The app did not answer at ${url} within ${timeoutMs / 1000} s`);
}

await prepareDatabase();
if (needsBuild()) {
  console.log("Building the app (about a minute on 2 cores)…");
  const build = spawnSync("npx", ["next", "build"], { stdio: "inherit" });
  if (build.status !== 0) process.exit(build.status ?? 1);
}
// Deliveries' emails land in .data/mail unless a real mail server is configured.
const mailFolder = path.resolve(".data", "mail");
const smtpUrl =
  process.env.SMTP_URL ??
  (await startMailCatcher(Number(process.env.MAIL_CATCHER_PORT ?? 2525), mailFolder).then(
    (c) => c.url,
    (error: Error) => {
      console.warn(`No mail catcher (${error.message}): email deliveries will fail.`);
      return undefined;
    },
  ));
const server = spawn(
  process.execPath,
  ["scripts/start-server.mjs", "-H", host, "-p", String(port)],
  {
    stdio: ["ignore", "inherit", "inherit"],
    env: {
      ...process.env,
      NEXTAUTH_URL: process.env.NEXTAUTH_URL ?? origin,
      ACTIONBOARD_ENCRYPTION_KEY: demoEncryptionKey(),
      // The demo's walk-through imports from this server's own API on 127.0.0.1.
      PARTNERSTACK_PRIVATE: process.env.PARTNERSTACK_PRIVATE ?? "allow",
      // A terminal reads the log: readable lines rather than JSON.
      LOG_FORMAT: process.env.LOG_FORMAT ?? "pretty",
      ...(smtpUrl && { SMTP_URL: smtpUrl }),
    },
  },
);
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => server.kill(signal));
// The server's exit is the demo's: a server killed by a signal (an OOM kill) is a failure too.
server.on("exit", (code, signal) =>
  process.exit(code ?? 128 + (signal ? constants.signals[signal] : 0)),
);
await waitUntilReady(`${origin}/signin`);
console.log(`
  Actionboard is running at ${origin}
  Sign in as ${DEMO_LOGIN.email} / ${DEMO_LOGIN.password}${
    process.env.SMTP_URL
      ? ""
      : smtpUrl
        ? `\n  Scheduled deliveries' emails are kept in ${mailFolder}`
        : ""
  }
  (Ctrl+C stops it)
`);
