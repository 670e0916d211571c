import { readFileSync } from "node:fs";
import { processTreeRss } from "../../lib/testing/process-memory";
import { e2eServerPidFile } from "./env";

/** Resident memory in bytes of an end-to-end server (its process and every process under it). */
export function serverRss(port: number | string): number {
  return processTreeRss(Number(readFileSync(e2eServerPidFile(port), "utf8")));
}
