// One line saying where and on what a check ran, for RELIABILITY.md.
import { execFileSync } from "node:child_process";
import os from "node:os";

export function describeMachine(): string {
  const cpus = os.cpus();
  const commit = (() => {
    try {
      const head = execFileSync("git", ["rev-parse", "--short", "HEAD"], { encoding: "utf8" });
      return head.trim();
    } catch {
      return "unknown";
    }
  })();
  const load = os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(" / ");
  return (
    `${cpus.length} × ${cpus[0]?.model.trim() ?? "CPU"}, ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB RAM, ` +
    `Node ${process.version}, commit ${commit}, load average ${load}`
  );
}
