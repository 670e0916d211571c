// SIGTERM or SIGINT to `npm start` or `npm run demo` (npm's own process, as a process manager or
// `kill` sends it, not the terminal's whole group) stops every process under it and frees the
// port: npm runs each through `exec`, so the shell hands its process over and the signal reaches
// the server (npm start) or tsx (demo), which passes it to the demo, which passes it to the server.
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, openSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { freePort, listening } from "../lib/testing/free-port";
import { isRunning, processTree } from "../lib/testing/process-memory";
import { createTestDatabase, type TestDatabase } from "../lib/testing/test-database";

const postgres = inject("engines").includes("postgres");
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe.runIf(postgres)("signals to npm start and npm run demo", () => {
  let work: string;
  const started: ChildProcess[] = [];
  beforeAll(() => {
    work = mkdtempSync(path.join(tmpdir(), "ab-signals-"));
  });
  afterAll(() => {
    // Whatever a failed test left: its whole group (each command was started as a group leader).
    for (const child of started) {
      try {
        process.kill(-child.pid!, "SIGKILL");
      } catch {
        // already gone
      }
    }
    rmSync(work, { recursive: true, force: true });
  });

  /** `npm run <script>` in its own process group, its output in a file; resolves when `ready`. */
  async function run(script: string, env: Record<string, string>, ready: string) {
    const log = path.join(work, `${script}-${Date.now()}.log`);
    const out = openSync(log, "w");
    const child = spawn("npm", ["run", "--silent", script], {
      env: { ...process.env, ...env },
      stdio: ["ignore", out, out],
      detached: true,
    });
    started.push(child);
    const deadline = Date.now() + 120_000;
    while (!readFileSync(log, "utf8").includes(ready)) {
      // The demo builds when a source is newer than the build: not here (heavy, outside the lock).
      if (readFileSync(log, "utf8").includes("Building the app")) {
        throw new Error("The build is older than the sources: run `npm run build` first.");
      }
      if (child.exitCode !== null)
        throw new Error(`npm run ${script} exited:\n${readFileSync(log, "utf8")}`);
      if (Date.now() > deadline)
        throw new Error(`npm run ${script} not ready:\n${readFileSync(log, "utf8")}`);
      await sleep(100);
    }
    return { child, log };
  }

  const exitOf = (child: ChildProcess) =>
    new Promise<number | null>((resolve) => {
      if (child.exitCode !== null) resolve(child.exitCode);
      else child.once("exit", (code) => resolve(code));
    });

  /** Resolves once no process of `tree` runs (an esbuild service ends a moment after tsx). */
  async function allGone(tree: number[], when: string) {
    const deadline = Date.now() + 30_000;
    while (tree.some(isRunning)) {
      if (Date.now() > deadline) {
        throw new Error(`still running ${when}: ${tree.filter(isRunning).join(", ")}`);
      }
      await sleep(50);
    }
  }

  async function expectAllStopped(child: ChildProcess, signal: NodeJS.Signals, ports: number[]) {
    const tree = processTree(child.pid!);
    // npm, the server, and for the demo tsx, the demo and esbuild: more than npm alone.
    expect(tree.length).toBeGreaterThan(1);
    for (const port of ports) expect(await listening(port)).toBe(true);
    const exited = exitOf(child);
    process.kill(child.pid!, signal);
    await allGone(tree, `after ${signal}`);
    // The server stopped as asked (exit 0), and so does npm.
    expect(await exited).toBe(0);
    for (const port of ports) expect(await listening(port), `port ${port}`).toBe(false);
  }

  const production = (db: TestDatabase, port: number) => ({
    DATABASE_URL: db.url!,
    NEXTAUTH_URL: `http://127.0.0.1:${port}`,
    NEXTAUTH_SECRET: "signals-test-session-secret-0123456789",
    ACTIONBOARD_ENCRYPTION_KEY: "signals-test-encryption-key",
    PORT: String(port),
    LOG_LEVEL: "info",
  });

  for (const signal of ["SIGTERM", "SIGINT"] as const) {
    it(`npm start: ${signal} to npm stops the server and frees the port`, async () => {
      const db = await createTestDatabase("postgres");
      try {
        const port = await freePort();
        const { child } = await run("start", production(db, port), "Actionboard ready on");
        await expectAllStopped(child, signal, [port]);
      } finally {
        await db.close();
      }
    });
  }

  it("npm run demo: SIGTERM to npm stops tsx, the demo, its mail catcher and the server", async () => {
    const db = await createTestDatabase("postgres");
    try {
      const port = await freePort();
      const mailPort = await freePort();
      const { child, log } = await run(
        "demo",
        {
          DATABASE_URL: db.url!,
          PORT: String(port),
          MAIL_CATCHER_PORT: String(mailPort),
          ACTIONBOARD_ENCRYPTION_KEY: "signals-test-encryption-key",
        },
        "Actionboard is running",
      );
      await expectAllStopped(child, "SIGTERM", [port, mailPort]);
      // The server's log, readable for the demo's terminal, ends with its stop.
      expect(readFileSync(log, "utf8")).toMatch(/INFO.*: Stopped/);
    } finally {
      await db.close();
    }
  });

  it("npm run demo: a server killed outright (an OOM kill) ends the demo with a failure", async () => {
    const db = await createTestDatabase("postgres");
    try {
      const port = await freePort();
      const { child } = await run(
        "demo",
        {
          DATABASE_URL: db.url!,
          PORT: String(port),
          MAIL_CATCHER_PORT: String(await freePort()),
          ACTIONBOARD_ENCRYPTION_KEY: "signals-test-encryption-key",
        },
        "Actionboard is running",
      );
      const tree = processTree(child.pid!);
      const server = tree.find((pid) =>
        readFileSync(`/proc/${pid}/cmdline`, "utf8").includes("scripts/start-server.mjs"),
      );
      expect(server).toBeDefined();
      const exited = exitOf(child);
      process.kill(server!, "SIGKILL");
      const code = await exited;
      expect(code).not.toBe(0);
      expect(code).not.toBeNull();
      await allGone(tree, "after the server was killed");
    } finally {
      await db.close();
    }
  });
});
