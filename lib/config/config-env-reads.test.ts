import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { VARIABLES } from "./config.mjs";

// The rule: the app's settings are parsed once, by lib/config/config.mjs. Nothing else in app/,
// lib/, components/, proxy.ts, instrumentation.ts, next.config.ts or scripts/start-server.mjs
// reads process.env, except:
// - `process.env.NODE_ENV` and `process.env.NEXT_RUNTIME`: Next's own, inlined when it builds
//   (instrumentation.ts needs the latter for its edge bundle), not settings;
// - test files (*.test.ts): their own knobs (FC_SEED, FUZZ_RUNS…) and variables they set or stub
//   for a test (config() sees the change);
// - lib/testing/: the test harness's own knobs (TEST_*, CI, REQUIRE_POSTGRES).
// The other scripts/ are command-line tools: they read their own knobs (any name lib/config does
// not declare: BENCH_*, CHECK_*, MAIL_CATCHER_PORT…), set variables or spread process.env into the
// environment of a process they start, and read the app's variables only to fill in the
// environment of the server they start (FILLS_SERVER_ENV). Reading process.env[name] is for the
// two readers of command-line knobs (KNOB_READERS).
const ROOT = process.cwd();
const APP_ROOTS = ["app", "lib", "components", "proxy.ts", "instrumentation.ts", "next.config.ts"];
const NEXT_CONSTANTS = new Set(["NODE_ENV", "NEXT_RUNTIME"]);
const TEST_KNOB = /^(TEST_\w+|CI|REQUIRE_POSTGRES)$/;
const CONFIG = "lib/config/config.mjs";
const FILLS_SERVER_ENV: Record<string, string[]> = {
  "scripts/demo.ts": [
    "PORT",
    "HOST",
    "ACTIONBOARD_ENCRYPTION_KEY",
    "SMTP_URL",
    "NEXTAUTH_URL",
    "PARTNERSTACK_PRIVATE",
    "LOG_FORMAT",
  ],
  "scripts/check/server.ts": ["NEXTAUTH_SECRET", "RATE_LIMIT_API_KEY"],
};
const KNOB_READERS = new Set(["scripts/check/options.ts", "scripts/bench/config.ts"]);
const DECLARED = new Set(Object.keys(VARIABLES));

function sourceFiles(entry: string): string[] {
  const full = path.join(ROOT, entry);
  if (/\.(ts|tsx|mts|mjs|js|cjs)$/.test(entry)) return [entry];
  return readdirSync(full, { withFileTypes: true }).flatMap((item) => {
    if (item.name === "node_modules" || item.name === "generated" || item.name.startsWith(".")) {
      return [];
    }
    const child = path.join(entry, item.name);
    return item.isDirectory() || /\.(ts|tsx|mts|mjs|js|cjs)$/.test(item.name)
      ? sourceFiles(child)
      : [];
  });
}

interface EnvUse {
  line: number;
  /** The variable's name, or null for `process.env[…]` and process.env as a whole. */
  name: string | null;
  kind: "read" | "write" | "dynamic" | "spread" | "whole";
}

/** Every use of process.env in a source text, comments left out. */
function envUses(text: string): EnvUse[] {
  const uses: EnvUse[] = [];
  text.split("\n").forEach((line, index) => {
    const code = line.replace(/\/\/.*$/, "");
    if (/^\s*(\*|\/\*)/.test(code)) return;
    for (const m of code.matchAll(/(\.\.\.|delete\s+)?process\.env(?:\.(\w+)|\s*(\[))?/g)) {
      const after = code.slice(m.index + m[0].length);
      const name = m[2] ?? null;
      const kind = m[3]
        ? "dynamic"
        : name
          ? m[1]?.startsWith("delete") || /^\s*=(?!=)/.test(after)
            ? "write"
            : "read"
          : m[1] === "..."
            ? "spread"
            : "whole";
      uses.push({ line: index + 1, name, kind });
    }
  });
  return uses;
}

/** Why a use breaks the rule, or null. */
function breach(file: string, use: EnvUse): string | null {
  if (file === CONFIG) return null;
  if (use.name && NEXT_CONSTANTS.has(use.name) && use.kind === "read") return null;
  const at = `${file}:${use.line}`;
  if (file.startsWith("scripts/") && file !== "scripts/start-server.mjs") {
    if (use.kind === "spread" || use.kind === "write") return null;
    if (use.kind === "dynamic" && KNOB_READERS.has(file)) return null;
    if (use.kind === "read" && use.name && !DECLARED.has(use.name)) return null;
    if (use.kind === "read" && use.name && FILLS_SERVER_ENV[file]?.includes(use.name)) return null;
    return `${at} reads ${use.name ?? "process.env"}: the app's variables come from lib/config`;
  }
  if (/\.test\.tsx?$/.test(file)) return null;
  if (file.startsWith("lib/testing/") && use.kind === "read" && TEST_KNOB.test(use.name ?? "")) {
    return null;
  }
  return `${at} reads ${use.name ?? "process.env"}: use config() from lib/config/config.mjs`;
}

describe("process.env is read by lib/config only", () => {
  it("finds no other read in the app, and the scripts read only their own knobs", () => {
    const files = [...APP_ROOTS, "scripts"].flatMap(sourceFiles);
    expect(files).toContain(CONFIG);
    expect(files).toContain("scripts/start-server.mjs");
    const breaches = files.flatMap((file) => {
      const text = readFileSync(path.join(ROOT, file), "utf8");
      return envUses(text).flatMap((use) => breach(file, use) ?? []);
    });
    expect(breaches).toEqual([]);
  });

  it("would catch a read, an alias, a dynamic read and a script reading the app's variables", () => {
    const found = (file: string, text: string) =>
      envUses(text).flatMap((use) => breach(file, use) ?? []);
    expect(found("lib/mail/x.ts", "const a = process.env.SMTP_URL?.trim();")).toHaveLength(1);
    expect(found("app/page.tsx", "const env = process.env;")).toHaveLength(1);
    expect(found("lib/x.ts", "f(process.env[name]);")).toHaveLength(1);
    expect(found("scripts/x.ts", "const u = process.env.DATABASE_URL;")).toHaveLength(1);
    expect(found("scripts/start-server.mjs", "process.env.PORT")).toHaveLength(1);
    expect(found("lib/testing/x.ts", "process.env.SMTP_URL")).toHaveLength(1);
    // Allowed: Next's constants, comments, a script's own knob, a child's environment.
    expect(
      found("proxy.ts", 'dev: process.env.NODE_ENV === "development", // process.env.X'),
    ).toEqual([]);
    expect(
      found("scripts/x.ts", "const n = process.env.BENCH_RUNS; f({ ...process.env });"),
    ).toEqual([]);
    expect(found("lib/a.test.ts", "process.env.RATE_LIMIT_API_KEY = '1/1m';")).toEqual([]);
  });
});
