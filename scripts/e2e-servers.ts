// Used by playwright.config.ts: starts the end-to-end servers it is given all at once, each by
// scripts/e2e-server.ts (a fresh database, the demo data, then `next start`), and answers on its
// own port once every one of them answers. Playwright starts its web servers one after another;
// most of a server's start is its database's seed, which waits on PostgreSQL, so five of them in
// a row left a core idle for most of a minute (BENCHMARKS.md, "The test loop").
//   tsx scripts/e2e-servers.ts <ready-port> <mode>:<port> [<mode>:<port> …]
import { spawn, type ChildProcess } from "node:child_process";
import { createServer } from "node:http";

const [readyPort, ...servers] = process.argv.slice(2);
const children: ChildProcess[] = [];

function stopAll(signal: NodeJS.Signals) {
  for (const child of children) child.kill(signal);
}
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    stopAll(signal);
    process.exit(1);
  });
}

async function answers(url: string): Promise<boolean> {
  try {
    const response = await fetch(url, { redirect: "manual" });
    await response.body?.cancel();
    return true;
  } catch {
    return false;
  }
}

const started = servers.map(async (server) => {
  const [mode, port] = server.split(":");
  const child = spawn(process.execPath, [...process.execArgv, "scripts/e2e-server.ts", mode, port]);
  child.stdout?.pipe(process.stdout);
  child.stderr?.pipe(process.stderr);
  children.push(child);
  let exited = false;
  child.on("exit", (code) => {
    exited = true;
    // A server that stops (or never starts) ends the run: Playwright reports the launcher's exit.
    console.error(`e2e server ${mode} on ${port} exited with ${code}`);
    stopAll("SIGTERM");
    process.exit(code || 1);
  });
  while (!exited && !(await answers(`http://127.0.0.1:${port}/signin`))) {
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
});

await Promise.all(started);
createServer((_, response) => response.end("ready\n")).listen(Number(readyPort), "127.0.0.1");
