// Every command-line script of ours (package.json scripts that run scripts/*.ts with tsx) answers
// `--help` / `-h` with its usage and exit code 0, and an unknown option with one line, the usage
// and exit code 1, never a stack trace: each run as a real process, as `npm run` starts it. The
// list comes from package.json, so a new script without usage fails here.
import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "../..");
const scripts: Record<string, string> = JSON.parse(
  readFileSync(path.join(root, "package.json"), "utf8"),
).scripts;
// `exec tsx …` (npm run demo): the shell hands its process to tsx, so signals reach it.
const cliScripts = Object.entries(scripts)
  .map(([name, line]) => ({ name, line: line.replace(/^exec\s+/, "") }))
  .filter(({ line }) => /^tsx\s.*\bscripts\/\S+\.ts$/.test(line))
  .map(({ name, line }) => ({ name, args: line.split(/\s+/).slice(1) }));

// A script that did not stop at its command line would go on to its work: point every database
// it could open at a closed port, so it fails fast instead of touching a real one.
const NOWHERE = "postgresql://nobody@127.0.0.1:9/nowhere";
const env = {
  ...process.env,
  DATABASE_URL: NOWHERE,
  BENCH_DATABASE_URL: NOWHERE,
  BENCH_PDF_DATABASE_URL: NOWHERE,
  TEST_DATABASE_URL: NOWHERE,
  ANALYTICS_URL: "",
  BENCH_BASE_URL: "http://127.0.0.1:9",
};

type Run = { code: number | null; stdout: string; stderr: string };

/** Runs one script as `npm run` would (tsx and its flags), killed with its group after 60 s. */
function run(args: string[], extra: string[]): Promise<Run> {
  return new Promise((resolve) => {
    const child = spawn(path.join(root, "node_modules/.bin/tsx"), [...args, ...extra], {
      cwd: root,
      env,
      detached: true,
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => (stdout += d));
    child.stderr.on("data", (d) => (stderr += d));
    const timer = setTimeout(() => process.kill(-child.pid!, "SIGKILL"), 60_000);
    child.on("close", (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

/** Two at a time: the machine has two cores, and each run is a tsx start (mostly CPU). */
async function each<T, R>(items: T[], work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = [];
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await work(items[i]);
    }
  };
  await Promise.all([worker(), worker()]);
  return results;
}

const STACK = /^\s+at\s|Error:|\.ts:\d+/m;

describe("every command-line script prints its usage", () => {
  it("finds the scripts in package.json", () => {
    const names = cliScripts.map((s) => s.name);
    for (const expected of ["admin", "import:partnerstack", "db:migrate", "mail:catch", "bench"]) {
      expect(names).toContain(expected);
    }
    expect(names.filter((n) => n.startsWith("check:")).length).toBeGreaterThanOrEqual(6);
  });

  it("answers --help (and -h) with the usage and exit code 0", { timeout: 900_000 }, async () => {
    const runs = await each(
      // `-h` is the helper's one alias: two scripts show it is read (each run costs a tsx start).
      [
        ...cliScripts.map((s) => ({ ...s, flag: "--help" })),
        ...cliScripts
          .filter((s) => s.name === "admin" || s.name === "db:seed")
          .map((s) => ({ ...s, flag: "-h" })),
      ],
      async (s) => ({ ...s, ...(await run(s.args, [s.flag])) }),
    );
    for (const r of runs) {
      const about = `npm run ${r.name} -- ${r.flag}: ${r.stderr}`;
      expect(r.code, about).toBe(0);
      expect(`${r.stdout.split("\n")[0]} `.startsWith(`Usage: npm run ${r.name} `), about).toBe(
        true,
      );
      expect(r.stdout, about).toMatch(/-h, --help\s+Show this help and exit\./);
      expect(r.stderr, about).toBe("");
    }
  });

  it(
    "refuses an unknown option in one line with the usage, exit code 1",
    { timeout: 900_000 },
    async () => {
      const runs = await each(cliScripts, async (s) => ({
        ...s,
        ...(await run(s.args, ["--no-such-option"])),
      }));
      for (const r of runs) {
        const about = `npm run ${r.name} -- --no-such-option: ${r.stderr}`;
        expect(r.code, about).toBe(1);
        const [first, second] = r.stderr.split("\n");
        expect(first, about).toBe(`npm run ${r.name}: unknown option '--no-such-option'`);
        expect(second, about).toBe("");
        expect(r.stderr, about).toContain(`Usage: npm run ${r.name}`);
        expect(r.stderr, about).not.toMatch(STACK);
        expect(r.stdout, about).toBe("");
      }
    },
  );

  it("names a missing or stray argument the same way", { timeout: 120_000 }, async () => {
    const script = (name: string) => cliScripts.find((s) => s.name === name)!.args;
    const [missing, stray, noProgram] = await each(
      [
        [script("db:migration:create"), []],
        [script("db:migrate"), ["extra"]],
        [script("import:partnerstack"), []],
      ] as [string[], string[]][],
      ([args, extra]) => run(args, extra),
    );
    expect(missing).toMatchObject({ code: 1 });
    expect(missing.stderr.split("\n")[0]).toBe("npm run db:migration:create: missing <name>");
    expect(stray.stderr.split("\n")[0]).toBe("npm run db:migrate: unexpected argument 'extra'");
    expect(stray.code).toBe(1);
    expect(noProgram.stderr.split("\n")[0]).toBe(
      "npm run import:partnerstack: missing --program <slug>",
    );
    expect(noProgram.code).toBe(1);
  });
});
