// Child of `npm run bench`: the Actions tab's whole page over HTTP, as a signed-in manager's
// browser asks for it (the HTML with every streamed tile, drained), and the table's CSV download,
// from two production servers over the benchmark's data: one answering the tab from PostgreSQL,
// one from the embedded ClickHouse copy. Needs a build (`npm run build`) of the code measured.
// Arguments: the measured URLs' query strings are config.TAB_URLS.
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { hashPassword } from "../../lib/security/password";
import { bytesSent } from "./bytes-sent";
import { reportResult } from "./child-process";
import { BENCH_PROGRAM_ID, benchConfig, TAB_URLS } from "./config";
import { signInOverHttp } from "./tab-over-http";
import { interleavedMedians, settle, type Timing } from "./timing";

export interface MeasuredHttp {
  url: string;
  /** `page` (the tab's HTML) or `table.csv` (the download). */
  kind: "page" | "table.csv";
  bytes: number;
  postgres: Timing;
  clickhouse: Timing;
  load: [number, number];
}

const config = benchConfig();
const PORTS = { postgres: 3140, clickhouse: 3141 } as const;
const PASSWORD = "bench-manager-password";
if (!existsSync(path.join(process.cwd(), ".next", "BUILD_ID"))) {
  throw new Error("No build: run `npm run build` first (the HTTP measurements need one).");
}

// The bench's first manager gets a password, so a browser session can be had by signing in.
const client = new pg.Client({ connectionString: config.databaseUrl });
await client.connect();
const { rows } = await client.query<{ email: string; slug: string }>(
  `UPDATE users SET password_hash = $1
   WHERE id = (SELECT min(user_id) FROM memberships WHERE program_id = $2)
   RETURNING email, (SELECT slug FROM programs WHERE id = $2) AS slug`,
  [await hashPassword(PASSWORD), BENCH_PROGRAM_ID],
);
await client.end();
const { email, slug } = rows[0];

function startServer(engine: keyof typeof PORTS): ChildProcess {
  const port = PORTS[engine];
  return spawn(process.execPath, ["scripts/start-server.mjs", "-H", "127.0.0.1", "-p", `${port}`], {
    stdio: ["ignore", "ignore", "inherit"],
    env: {
      ...process.env,
      NODE_ENV: "production",
      NEXTAUTH_URL: `http://127.0.0.1:${port}`,
      DATABASE_URL: config.databaseUrl,
      PGLITE_DIR: "",
      ANALYTICS_URL: engine === "clickhouse" ? `chdb://${config.analyticsPath}` : "",
      RATE_LIMIT_SIGNIN_ADDRESS: "10000/15m",
    },
  });
}

async function waitUntilUp(base: URL) {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    const ok = await fetch(new URL("/signin", base)).then(
      (r) => r.status < 500,
      () => false,
    );
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`${base} did not start`);
}

/** Gets a page or file as a browser asks for it (brotli or gzip): the bytes sent. */
async function drained(url: URL, cookie: string): Promise<number> {
  return (await bytesSent(url, { cookie, "accept-encoding": "gzip, deflate, br" })).bytes;
}

const servers = { postgres: startServer("postgres"), clickhouse: startServer("clickhouse") };
try {
  const bases = {
    postgres: new URL(`http://127.0.0.1:${PORTS.postgres}`),
    clickhouse: new URL(`http://127.0.0.1:${PORTS.clickhouse}`),
  };
  await Promise.all(Object.values(bases).map(waitUntilUp));
  const cookies = {
    postgres: await signInOverHttp(bases.postgres, email, PASSWORD),
    clickhouse: await signInOverHttp(bases.clickhouse, email, PASSWORD),
  };
  const targets: { url: string; kind: MeasuredHttp["kind"]; path: string }[] = [
    ...TAB_URLS.map((url) => ({ url, kind: "page" as const, path: `/p/${slug}/actions?${url}` })),
    {
      url: "timeframe=any_time",
      kind: "table.csv",
      path: `/p/${slug}/actions/export/table.csv?timeframe=any_time`,
    },
  ];
  const measured: MeasuredHttp[] = [];
  for (const target of targets) {
    const label = `over HTTP: ${target.kind} ${target.url}`;
    const before = await settle(label);
    const engines = ["postgres", "clickhouse"] as const;
    let bytes = 0;
    const { timings } = await interleavedMedians(
      config.runs,
      engines.map((engine) => async () => {
        const size = await drained(new URL(target.path, bases[engine]), cookies[engine]);
        if (engine === "clickhouse") bytes = size;
        return { parts: {}, result: size };
      }),
    );
    console.error(
      `  ${label.padEnd(70)} PG ${timings[0].ms.toFixed(0).padStart(6)} ms  CH ${timings[1].ms.toFixed(0).padStart(6)} ms`,
    );
    measured.push({
      url: target.url,
      kind: target.kind,
      bytes,
      postgres: timings[0],
      clickhouse: timings[1],
      load: [before, os.loadavg()[0]],
    });
  }
  reportResult(measured);
} finally {
  // Waited for: the ClickHouse server holds the chdb folder the export measurements open next.
  await Promise.all(
    Object.values(servers).map(
      (server) =>
        new Promise((resolve) => {
          if (server.exitCode !== null || server.signalCode !== null) return resolve(null);
          server.once("exit", resolve);
          server.kill("SIGTERM");
        }),
    ),
  );
}
