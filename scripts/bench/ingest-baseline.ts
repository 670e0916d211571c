// Starts the ingestion benchmark's baseline server (ingest-baseline-server.ts) in its own process
// group, logging to `log`, and waits until it answers.
import { spawn } from "node:child_process";
import { mkdirSync, openSync } from "node:fs";
import path from "node:path";

export interface BaselineServer {
  base: URL;
  pid: number;
  stop(): Promise<void>;
}

export async function startBaseline(options: {
  port: number;
  databaseUrl: string;
  log: string;
}): Promise<BaselineServer> {
  mkdirSync(path.dirname(options.log), { recursive: true });
  const out = openSync(options.log, "a");
  const script = path.join(process.cwd(), "scripts", "bench", "ingest-baseline-server.ts");
  const child = spawn(
    process.execPath,
    ["--import", "tsx", script, String(options.port), options.databaseUrl],
    { detached: true, stdio: ["ignore", out, out] },
  );
  const pid = child.pid!;
  let exited = false;
  child.on("exit", () => (exited = true));
  const stop = async () => {
    if (exited) return;
    const gone = new Promise((resolve) => child.once("exit", resolve));
    process.kill(-pid, "SIGTERM");
    await gone;
  };
  process.on("exit", () => {
    if (!exited) process.kill(-pid, "SIGKILL");
  });
  const base = new URL(`http://127.0.0.1:${options.port}`);
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (exited) throw new Error(`The baseline server exited while starting; see ${options.log}.`);
    const up = await fetch(new URL("/api/v2/actions", base)).then(
      () => true,
      () => false,
    );
    if (up) return { base, pid, stop };
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`The baseline server did not answer within 30 s; see ${options.log}.`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
