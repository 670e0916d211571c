// The command line of every script of ours (`npm run <name> -- …`), read one way: Node's own
// util.parseArgs, strict. `--help` / `-h` prints the usage and exits 0; an unknown option, a
// missing value or a stray argument prints one line saying so and the usage, and exits 1 — never
// a stack trace. Call it first, before the script opens anything, and before it loads its work:
// a script imports little more than this module statically and `await import()`s the rest after
// its command line is read, so `--help` or a mistake answers in a tsx start (about half a
// second) instead of after Prisma, PGlite and the app's modules load.
import { parseArgs } from "node:util";

export interface CliOption {
  type: "string" | "boolean";
  /** What it does (and its default), one line. */
  description: string;
  /** The value's placeholder in the usage: `--program <slug>`. */
  value?: string;
  short?: string;
}

export interface CliCommand<O extends Record<string, CliOption>> {
  /** How it is run, e.g. "npm run db:seed". */
  command: string;
  /** What it does, in a sentence or two. */
  summary: string;
  options?: O;
  /** Arguments without a dash, in order (`<name>` in the usage); `optional` ones may be left out. */
  positionals?: readonly { name: string; description: string; optional?: boolean }[];
  /** Further lines: environment variables, examples. */
  notes?: readonly string[];
}

const HELP: CliOption = { type: "boolean", short: "h", description: "Show this help and exit." };

/** The usage text of a command: what it does, its arguments and options. */
export function usageText(cli: CliCommand<Record<string, CliOption>>): string {
  const options = { ...cli.options, help: HELP };
  const flag = (name: string, o: CliOption) =>
    `${o.short ? `-${o.short}, ` : ""}--${name}${o.type === "string" ? ` <${o.value ?? "value"}>` : ""}`;
  const args = (cli.positionals ?? []).map((p) => (p.optional ? `[<${p.name}>]` : `<${p.name}>`));
  const rows = [
    ...(cli.positionals ?? []).map((p) => [`<${p.name}>`, p.description]),
    ...Object.entries(options).map(([name, o]) => [flag(name, o), o.description]),
  ];
  const width = Math.max(...rows.map(([left]) => left.length));
  const dashes = cli.options && Object.keys(cli.options).length ? " [options]" : "";
  return [
    `Usage: ${cli.command}${args.length || dashes ? " --" : ""}${dashes}${args.map((a) => ` ${a}`).join("")}`,
    "",
    cli.summary,
    "",
    ...rows.map(([left, right]) => `  ${left.padEnd(width)}  ${right}`),
    ...(cli.notes?.length ? ["", ...cli.notes] : []),
  ].join("\n");
}

/** Stops the script over its command line: one line saying why, then the usage; exit code 1. */
export function failUsage(cli: CliCommand<Record<string, CliOption>>, message: string): never {
  console.error(`${cli.command}: ${message}\n\n${usageText(cli)}`);
  process.exit(1);
}

type Values<O extends Record<string, CliOption>> = {
  [K in keyof O]: O[K]["type"] extends "boolean" ? boolean | undefined : string | undefined;
};

/** Reads the command line (`argv`, else the process's) against `cli`; see the top of this file. */
export function readCommandLine<O extends Record<string, CliOption>>(
  cli: CliCommand<O>,
  argv: string[] = process.argv.slice(2),
): { values: Values<O>; positionals: string[] } {
  const declared = cli.positionals ?? [];
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      options: Object.fromEntries(
        Object.entries({ ...cli.options, help: HELP }).map(([name, o]) => [
          name,
          { type: o.type, ...(o.short ? { short: o.short } : {}) },
        ]),
      ),
      strict: true,
      allowPositionals: declared.length > 0,
    });
  } catch (error) {
    // Asked for help among mistakes: help is what was wanted.
    if (argv.includes("--help") || argv.includes("-h")) showUsage(cli);
    // parseArgs explains itself in its first sentence; the rest is advice about "--".
    const message = error instanceof Error ? error.message.split(/\.\s|\n/)[0] : String(error);
    return failUsage(cli, message.charAt(0).toLowerCase() + message.slice(1));
  }
  if (parsed.values.help) showUsage(cli);
  const { positionals } = parsed;
  if (positionals.length > declared.length) {
    failUsage(cli, `unexpected argument "${positionals[declared.length]}"`);
  }
  const missing = declared.slice(positionals.length).find((p) => !p.optional);
  if (missing) failUsage(cli, `missing <${missing.name}>`);
  return { values: parsed.values as Values<O>, positionals };
}

function showUsage(cli: CliCommand<Record<string, CliOption>>): never {
  console.log(usageText(cli));
  process.exit(0);
}
