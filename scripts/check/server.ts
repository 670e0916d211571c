// `next start` for the reliability checks: its own process group (next start spawns children),
// so SIGKILL reaches every process of the server at once, as a crash or an OOM kill would.
// The build must exist; run the checks under the machine's build lock.
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, openSync, readFileSync } from "node:fs";
import { randomBytes } from "node:crypto";
import path from "node:path";
import type { DatabaseTarget } from "../../lib/db/connection";

export interface CheckServer {
  base: URL;
  /** The server's process (group leader): its tree's memory is what a check measures. */
  pid: number;
  log: string;
  /** SIGKILL to the whole process group; resolves when no process of it is left. */
  kill(): Promise<void>;
  /** SIGTERM (then SIGKILL after 15 s); resolves when no process of the group is left. */
  stop(): Promise<void>;
}

const running = new Set<number>();
const killAll = () => {
  for (const pid of running) signalGroup(pid, "SIGKILL");
};
process.on("exit", killAll);
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    killAll();
    process.exit(130);
  });
}

function signalGroup(pid: number, signal: NodeJS.Signals | 0): boolean {
  try {
    process.kill(-pid, signal);
    return true;
  } catch {
    return false;
  }
}

async function groupGone(pid: number, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (signalGroup(pid, 0)) {
    if (Date.now() > deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  running.delete(pid);
  return true;
}

const tail = (file: string) => readFileSync(file, "utf8").split("\n").slice(-30).join("\n");

/** A stable signing key for the checks' sessions unless NEXTAUTH_SECRET is set. */
const sessionSecret = process.env.NEXTAUTH_SECRET || randomBytes(32).toString("base64url");

/**
 * Starts the app's server (scripts/start-server.mjs) on 127.0.0.1:`port` for `database` (no analytics copy unless
 * `analyticsUrl`), logging to `log`, and waits until it is ready (`/api/health?ready`: the
 * analytics copy is filled) and the Actions API answers `authorization`.
 */
export async function startServer(options: {
  port: number;
  database: DatabaseTarget;
  log: string;
  authorization: string;
  analyticsUrl?: string;
  /** More environment for the server (deliveries' mail server and timings). */
  env?: Record<string, string>;
  /** Options for Node itself (`--cpu-prof`, which NODE_OPTIONS may not carry). */
  nodeArgs?: string[];
}): Promise<{ server: CheckServer; readyMs: number }> {
  const { port, database, log, authorization } = options;
  if (!existsSync(path.join(process.cwd(), ".next", "BUILD_ID"))) {
    throw new Error("No build in .next: run `npm run build` first (under the build lock).");
  }
  const base = new URL(`http://127.0.0.1:${port}`);
  const taken = await fetch(base, { signal: AbortSignal.timeout(2000) }).then(
    () => true,
    () => false,
  );
  if (taken) throw new Error(`Port ${port} is already in use.`);

  mkdirSync(path.dirname(log), { recursive: true });
  const out = openSync(log, "a");
  const started = performance.now();
  const serve = path.join(process.cwd(), "scripts", "start-server.mjs");
  const args = [...(options.nodeArgs ?? []), serve, "-H", "127.0.0.1", "-p", String(port)];
  const child = spawn(process.execPath, args, {
    detached: true,
    stdio: ["ignore", out, out],
    env: {
      ...process.env,
      NODE_ENV: "production",
      NEXTAUTH_URL: base.origin,
      NEXTAUTH_SECRET: sessionSecret,
      DATABASE_URL: database.engine === "postgres" ? database.url : "",
      PGLITE_DIR: database.engine === "pglite" ? database.dir : "",
      ANALYTICS_URL: options.analyticsUrl ?? "",
      // The checks measure loss, not the per-key limit (6,000/min by default); set it to test both.
      RATE_LIMIT_API_KEY: process.env.RATE_LIMIT_API_KEY || "1000000/1m",
      // Only the deliveries check asks for a scheduler (it passes its own settings).
      DELIVERY_SCHEDULER: "off",
      ...options.env,
    },
  });
  const pid = child.pid!;
  running.add(pid);
  let exited = false;
  child.on("exit", () => (exited = true));

  const server: CheckServer = {
    base,
    pid,
    log,
    async kill() {
      signalGroup(pid, "SIGKILL");
      if (!(await groupGone(pid, 10_000))) throw new Error(`Server group ${pid} survived SIGKILL.`);
    },
    async stop() {
      signalGroup(pid, "SIGTERM");
      if (await groupGone(pid, 15_000)) return;
      await server.kill();
    },
  };

  const deadline = Date.now() + 120_000;
  for (;;) {
    if (exited) throw new Error(`The server exited while starting. End of ${log}:\n${tail(log)}`);
    const answer = (url: string, headers?: HeadersInit) =>
      fetch(new URL(url, base), { headers, signal: AbortSignal.timeout(30_000) }).then(
        (r) => r.status,
        () => 0,
      );
    // Ready as a load balancer sees it (the analytics copy open and filled, when there is one),
    // and the Actions API answering this key.
    const status = await answer("/api/health?ready");
    if (status === 200 && (await answer("/api/v2/actions?limit=1", { authorization })) === 200) {
      return { server, readyMs: performance.now() - started };
    }
    if (Date.now() > deadline) {
      await server.kill();
      throw new Error(`The server did not answer 200 within 120 s (last ${status}). See ${log}.`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
