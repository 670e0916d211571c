// Every command-line script of ours (package.json scripts that run scripts/*.ts with tsx, and
// `npm start`, scripts/start-server.mjs with node) answers `--help` / `-h` with its usage and exit
// code 0, and an unknown option with one line, the usage and exit code 1, never a stack trace:
// each run as a real process, as `npm run` starts it. The list comes from package.json, so a new
// script without usage fails here. `npm run admin`'s commands read their own options
// (lib/admin/admin-command-line.ts): each is asked the same.
import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { COMMAND_LINES } from "../../lib/admin/admin-command-line";

const root = path.resolve(import.meta.dirname, "../..");
const scripts: Record<string, string> = JSON.parse(
  readFileSync(path.join(root, "package.json"), "utf8"),
).scripts;
// `exec tsx …` (npm run demo): the shell hands its process to tsx, so signals reach it. npm's own
// hooks (postinstall) are not commands anyone types.
const cliScripts = Object.entries(scripts)
  .map(([name, line]) => ({ name, line: line.replace(/^exec\s+/, "") }))
  .filter(({ name }) => !/^(pre|post)/.test(name))
  .filter(({ line }) => /^(tsx|node)\s(\S+\s)*scripts\/\S+\.(ts|mjs)(\s|$)/.test(line))
  .map(({ name, line }) => {
    const [program, ...args] = line.split(/\s+/);
    return { name, program, args };
  });
/** How people type it: `npm start`, `npm run <name>`. */
const commandOf = (name: string) => (name === "start" ? "npm start" : `npm run ${name}`);

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
  // npm start, were it to go on: a port it may not open, so it stops at once.
  PORT: "9",
};

type Run = { code: number | null; stdout: string; stderr: string };

type Script = { program: string; args: string[] };

/** Runs one script as `npm run` would (tsx or node, and its flags), killed with its group after 60 s. */
function run({ program, args }: Script, extra: string[]): Promise<Run> {
  const binary = program === "node" ? process.execPath : path.join(root, "node_modules/.bin/tsx");
  return new Promise((resolve) => {
    const child = spawn(binary, [...args, ...extra], {
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
    for (const expected of [
      "admin",
      "import:partnerstack",
      "db:migrate",
      "mail:catch",
      "bench",
      "start",
    ]) {
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
          .filter((s) => ["admin", "db:seed", "start"].includes(s.name))
          .map((s) => ({ ...s, flag: "-h" })),
      ],
      async (s) => ({ ...s, ...(await run(s, [s.flag])) }),
    );
    for (const r of runs) {
      const about = `${commandOf(r.name)} -- ${r.flag}: ${r.stderr}`;
      expect(r.code, about).toBe(0);
      expect(`${r.stdout.split("\n")[0]} `.startsWith(`Usage: ${commandOf(r.name)} `), about).toBe(
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
        ...(await run(s, ["--no-such-option"])),
      }));
      for (const r of runs) {
        const about = `${commandOf(r.name)} -- --no-such-option: ${r.stderr}`;
        expect(r.code, about).toBe(1);
        const [first, second] = r.stderr.split("\n");
        expect(first, about).toBe(`${commandOf(r.name)}: unknown option '--no-such-option'`);
        expect(second, about).toBe("");
        expect(r.stderr, about).toContain(`Usage: ${commandOf(r.name)}`);
        expect(r.stderr, about).not.toMatch(STACK);
        expect(r.stdout, about).toBe("");
      }
    },
  );

  it("names a missing or stray argument the same way", { timeout: 120_000 }, async () => {
    const script = (name: string) => cliScripts.find((s) => s.name === name)!;
    const [missing, stray, noProgram, badPort, noPort] = await each(
      [
        [script("db:migration:create"), []],
        [script("db:migrate"), ["extra"]],
        [script("import:partnerstack"), []],
        [script("start"), ["-p", "http"]],
        [script("start"), ["--port"]],
      ] as [Script, string[]][],
      ([s, extra]) => run(s, extra),
    );
    expect(missing).toMatchObject({ code: 1 });
    expect(missing.stderr.split("\n")[0]).toBe("npm run db:migration:create: missing <name>");
    expect(stray.stderr.split("\n")[0]).toBe("npm run db:migrate: unexpected argument 'extra'");
    expect(stray.code).toBe(1);
    expect(noProgram.stderr.split("\n")[0]).toBe(
      "npm run import:partnerstack: missing --program <slug>",
    );
    expect(noProgram.code).toBe(1);
    expect(badPort.stderr.split("\n")[0]).toBe("npm start: --port must be a port number (1–65535)");
    expect(badPort.code).toBe(1);
    expect(noPort.stderr.split("\n")[0]).toBe(
      "npm start: option '-p, --port <value>' argument missing",
    );
    expect(noPort.code).toBe(1);
  });
});

describe("npm run admin's commands", () => {
  const admin = cliScripts.find((s) => s.name === "admin")!;
  const commands = Object.keys(COMMAND_LINES);

  it(
    "answer --help with their usage, and refuse an unknown option or command in one line",
    { timeout: 300_000 },
    async () => {
      const runs = await each(
        [
          ...commands.map((command) => [command, "--help"]),
          ...commands.map((command) => [command, "--no-such-option"]),
          ["no-such-command"],
        ],
        async (argv) => ({ argv, ...(await run(admin, argv)) }),
      );
      for (const r of runs) {
        const [command, flag] = r.argv;
        const about = `npm run admin -- ${r.argv.join(" ")}: ${r.stderr}`;
        if (flag === "--help") {
          expect(r.code, about).toBe(0);
          expect(r.stdout.split("\n")[0], about).toBe(
            `Usage: npm run admin -- ${COMMAND_LINES[command as keyof typeof COMMAND_LINES].usage}`,
          );
          expect(r.stderr, about).toBe("");
          continue;
        }
        expect(r.code, about).toBe(1);
        const [first, second] = r.stderr.split("\n");
        expect(first, about).toBe(
          flag
            ? `npm run admin ${command}: unknown option '${flag}'`
            : `npm run admin: unknown command '${command}'`,
        );
        expect(second, about).toBe("");
        expect(r.stderr, about).toContain(
          `Usage: npm run admin -- ${flag ? command : "<command>"}`,
        );
        expect(r.stderr, about).not.toMatch(STACK);
        expect(r.stdout, about).toBe("");
      }
    },
  );
});
