import { spawn } from "node:child_process";
import path from "node:path";

const RESULT = "@@bench-result ";

/** Ends a child process: its result on one stdout line for the parent, then exit. */
export function reportResult(result: unknown): never {
  process.stdout.write(`${RESULT}${JSON.stringify(result)}\n`, () => process.exit(0));
  // Open handles (pools, chdb) must not keep the process alive once the result is out.
  return undefined as never;
}

/**
 * Runs `scripts/bench/<script>` in a fresh Node process (same tsx loader and react-server
 * condition as this one), so each measurement owns its process: chdb's folder, its memory peak.
 * Progress goes to stderr as it happens; the result line is parsed and returned.
 */
export function runChild<T>(script: string, args: string[] = [], env: Record<string, string> = {}) {
  return new Promise<T>((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [...process.execArgv, path.join(import.meta.dirname, script), ...args],
      { env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "inherit"] },
    );
    let out = "";
    child.stdout.setEncoding("utf8");
    child.stdout.on("data", (chunk: string) => (out += chunk));
    child.on("error", reject);
    child.on("close", (code) => {
      const line = out.split("\n").find((l) => l.startsWith(RESULT));
      const rest = out
        .split("\n")
        .filter((l) => l && !l.startsWith(RESULT))
        .join("\n");
      if (rest) process.stderr.write(`${rest}\n`);
      if (code !== 0 || !line) reject(new Error(`${script} ${args.join(" ")} exited with ${code}`));
      else resolve(JSON.parse(line.slice(RESULT.length)) as T);
    });
  });
}

async function* chunksOf(body: ReadableStream<Uint8Array>) {
  const reader = body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return;
    yield value;
  }
}

/** Reads a download to its end, counting bytes and line ends (nothing is kept). */
export async function drainCounting(body: AsyncIterable<Uint8Array> | ReadableStream<Uint8Array>) {
  let bytes = 0;
  let newlines = 0;
  for await (const chunk of body instanceof ReadableStream ? chunksOf(body) : body) {
    bytes += chunk.byteLength;
    for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, i + 1)) newlines++;
  }
  return { bytes, newlines };
}
