// The server's log (lib/observability/logger.mjs) captured for a test: the parsed lines it wrote
// until `undo()` puts the process's logger back.
import { Writable } from "node:stream";
import { createLogger, replaceLogger } from "../observability/logger.mjs";

export function captureLog() {
  const lines: Record<string, unknown>[] = [];
  const destination = new Writable({
    write(chunk, _encoding, done) {
      for (const line of String(chunk).split("\n").filter(Boolean)) lines.push(JSON.parse(line));
      done();
    },
  });
  const undo = replaceLogger(createLogger({ destination, format: "json", level: "debug" }));
  return { lines, undo };
}
