// Used by playwright.config.ts: prepares a fresh database for one end-to-end server, loads the
// demo data, then runs the app's server, scripts/start-server.mjs (the build must exist).
//   tsx scripts/e2e-server.ts postgres|pglite|clickhouse|empty|oidc <port> [--keep-seeded|--copy-seeded]
// `clickhouse` is PostgreSQL with the Actions tab on embedded ClickHouse (chdb), copied at start.
// `empty` is PostgreSQL with no data at all (first-run setup): its log goes to a file the spec
// reads the setup link from.
// `oidc` is PostgreSQL without the demo, signing in by single sign-on only, against the test
// identity provider (scripts/oidc-test-provider.ts, started by playwright.config.ts).
import { spawn } from "node:child_process";
import { createWriteStream, rmSync, writeFileSync } from "node:fs";
import {
  E2E_CHDB_DIR,
  E2E_EMPTY_SMTP_PORT,
  E2E_ENCRYPTION_KEY,
  E2E_METRICS_TOKEN,
  E2E_OIDC,
  E2E_PGLITE_DIR,
  E2E_SMTP_PORT,
  e2eDatabaseUrl,
  e2eServerLogFile,
  e2eServerPidFile,
} from "../e2e/support/env";
import { PGlite } from "@electric-sql/pglite";
import type { DatabaseTarget } from "../lib/db/connection";
import { migrate, openDatabase, overPglite, type OpenDatabase } from "../lib/db/open";
import { copyLocalDatabase, recreateLocalDatabase } from "../lib/db/recreate-local-database";
import { seedDemo } from "../lib/seed/seed-demo";
import { pgliteSnapshot } from "../lib/testing/database-templates";

const [mode, port, ...options] = process.argv.slice(2);
// `--keep-seeded` (postgres) leaves a copy of the demo it seeded; `--copy-seeded` (clickhouse)
// starts from that copy, a tenth of a seed. playwright.config.ts passes both when both servers run
// (the postgres one starts first).
const keepSeeded = options.includes("--keep-seeded");
const copySeeded = options.includes("--copy-seeded");

/** A fresh PGlite data folder, from the migrated snapshot the unit tests start from (no initdb). */
async function freshPglite(): Promise<OpenDatabase> {
  rmSync(E2E_PGLITE_DIR, { recursive: true, force: true });
  return overPglite(await PGlite.create(E2E_PGLITE_DIR, { loadDataDir: await pgliteSnapshot() }));
}

async function prepare(): Promise<DatabaseTarget> {
  if (mode === "pglite") {
    const db = await freshPglite();
    await migrate(db);
    await db.withRunner((runner) => seedDemo(runner));
    await db.close();
    return { engine: "pglite", dir: E2E_PGLITE_DIR };
  }
  const url = e2eDatabaseUrl(
    mode === "clickhouse" || mode === "oidc" || mode === "empty" ? mode : "postgres",
  );
  if (mode === "clickhouse" && copySeeded) {
    await copyLocalDatabase(e2eDatabaseUrl("seeded"), url);
    return { engine: "postgres", url };
  }
  await recreateLocalDatabase(url);
  const db = await openDatabase({ engine: "postgres", url });
  await migrate(db);
  if (mode !== "oidc" && mode !== "empty") await db.withRunner((runner) => seedDemo(runner));
  await db.close();
  if (mode === "postgres" && keepSeeded) await copyLocalDatabase(url, e2eDatabaseUrl("seeded"));
  return { engine: "postgres", url };
}

const target = await prepare();

const env = {
  ...process.env,
  NEXTAUTH_URL: `http://127.0.0.1:${port}`,
  DATABASE_URL: "",
  PGLITE_DIR: "",
  ANALYTICS_URL: "",
  // PartnerStack keys are sealed with it; imports asked for in the UI start at once (woken).
  ACTIONBOARD_ENCRYPTION_KEY: E2E_ENCRYPTION_KEY,
  // The isolation crawler reads /metrics with it (nothing of any program may show there).
  METRICS_TOKEN: E2E_METRICS_TOKEN,
  // The specs import from this server's own API, on 127.0.0.1.
  PARTNERSTACK_PRIVATE: "allow",
  // Every spec signs in from 127.0.0.1 (the server counts the connection's address, not a
  // forwarded one): a wide per-address limit keeps one spec's wrong passwords from locking the
  // others out. lib/auth/sign-in-with-limits.test.ts tests the limit itself.
  RATE_LIMIT_SIGNIN_ADDRESS: "10000/15m",
  // Password sign-in only, whatever the shell holds; the oidc server sets its own below.
  OIDC_ISSUER: "",
  OIDC_CLIENT_ID: "",
  OIDC_CLIENT_SECRET: "",
  OIDC_NAME: "",
  OIDC_ALLOWED_DOMAINS: "",
  PASSWORD_SIGNIN: "",
};
if (target.engine === "postgres") env.DATABASE_URL = target.url;
else env.PGLITE_DIR = target.dir;
if (mode === "postgres") {
  // Deliveries: mail goes to the spec's SMTP sink; passes every 2 s; one retry after 1 s.
  Object.assign(env, {
    SMTP_URL: `smtp://127.0.0.1:${E2E_SMTP_PORT}`,
    MAIL_FROM: "Actionboard e2e <e2e@actionboard.test>",
    DELIVERY_POLL_SECONDS: "2",
    DELIVERY_RETRY_SECONDS: "1",
    // The spec's failing webhook is https://127.0.0.1:9.
    DELIVERY_WEBHOOK_PRIVATE: "allow",
  });
}
if (mode === "empty") {
  // First run: no SETUP_TOKEN, so the server makes one and prints the link; mail to the spec's sink.
  Object.assign(env, {
    SETUP_TOKEN: "",
    SMTP_URL: `smtp://127.0.0.1:${E2E_EMPTY_SMTP_PORT}`,
    MAIL_FROM: "Actionboard e2e <e2e@actionboard.test>",
  });
}
if (mode === "oidc") {
  Object.assign(env, {
    OIDC_ISSUER: E2E_OIDC.issuer,
    OIDC_CLIENT_ID: E2E_OIDC.clientId,
    OIDC_CLIENT_SECRET: E2E_OIDC.clientSecret,
    OIDC_NAME: E2E_OIDC.name,
    OIDC_ALLOWED_DOMAINS: E2E_OIDC.allowedDomain,
    PASSWORD_SIGNIN: "off",
  });
}
if (mode === "clickhouse") {
  // A fresh copy: the server fills it from the database when it first opens it.
  rmSync(E2E_CHDB_DIR, { recursive: true, force: true });
  env.ANALYTICS_URL = `chdb://${E2E_CHDB_DIR}`;
}
const server = spawn(
  process.execPath,
  ["scripts/start-server.mjs", "-H", "127.0.0.1", "-p", port],
  { stdio: ["inherit", mode === "empty" ? "pipe" : "inherit", "inherit"], env },
);
if (server.stdout) {
  // The first-run spec reads the setup link from the server's log.
  const log = createWriteStream(e2eServerLogFile(port));
  server.stdout.on("data", (chunk: Buffer) => {
    log.write(chunk);
    process.stdout.write(chunk);
  });
}
// Specs read the server's memory (its process tree) from here: e2e/support/server-memory.ts.
writeFileSync(e2eServerPidFile(port), String(server.pid));
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => server.kill(signal));
server.on("exit", (code) => process.exit(code ?? 0));
