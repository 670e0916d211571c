// The command line of every script of ours (`npm run <name> -- …`, `npm start -- …`), read one
// way: Node's own util.parseArgs, strict. `--help` / `-h` prints the usage and exits 0; an unknown
// option, a missing value or a stray argument prints one line saying so and the usage, and exits
// 1 — never a stack trace. Call it first, before the script opens anything, and before it loads
// its work: a script imports little more than this module statically and `await import()`s the
// rest after its command line is read, so `--help` or a mistake answers in a tsx start (about half
// a second) instead of after Prisma, PGlite and the app's modules load. Plain JavaScript, types in
// command-line.d.mts, because scripts/start-server.mjs, which Node runs as is, reads its line here.
import { parseArgs } from "node:util";

/** @typedef {import("./command-line.d.mts").CliOption} CliOption */
/** @typedef {import("./command-line.d.mts").CliCommand<Record<string, CliOption>>} CliCommand */

/** @type {CliOption} */
const HELP = { type: "boolean", short: "h", description: "Show this help and exit." };

/**
 * The usage text of a command: what it does, its arguments and options.
 * @param {CliCommand} cli
 */
export function usageText(cli) {
  const options = { ...cli.options, help: HELP };
  /** @param {string} name @param {CliOption} o */
  const flag = (name, o) =>
    `${o.short ? `-${o.short}, ` : ""}--${name}${o.type === "string" ? ` <${o.value ?? "value"}>` : ""}`;
  const args = (cli.positionals ?? []).map((p) => (p.optional ? `[<${p.name}>]` : `<${p.name}>`));
  const rows = [
    ...(cli.positionals ?? []).map((p) => [`<${p.name}>`, p.description]),
    ...Object.entries(options).map(([name, o]) => [flag(name, o), o.description]),
  ];
  const width = Math.max(...rows.map(([left]) => left.length));
  const dashes = cli.options && Object.keys(cli.options).length ? " [options]" : "";
  // `npm run x -- …` hands on what follows `--`; a command of its own (`node …`) takes it as is.
  const separator = cli.command.startsWith("npm ") ? " --" : "";
  return [
    `Usage: ${cli.command}${args.length || dashes ? separator : ""}${dashes}${args.map((a) => ` ${a}`).join("")}`,
    "",
    cli.summary,
    "",
    ...rows.map(([left, right]) => `  ${left.padEnd(width)}  ${right}`),
    ...(cli.notes?.length ? ["", ...cli.notes] : []),
  ].join("\n");
}

/**
 * Stops the script over its command line: one line saying why, then the usage; exit code 1.
 * @param {CliCommand} cli
 * @param {string} message
 * @returns {never}
 */
export function failUsage(cli, message) {
  console.error(`${cli.command}: ${message}\n\n${usageText(cli)}`);
  process.exit(1);
}

/**
 * parseArgs's refusal as one line: its first sentence (the rest is advice about "--"), lower case.
 * @param {unknown} error
 */
export function firstSentence(error) {
  const message = error instanceof Error ? error.message.split(/\.\s|\n/)[0] : String(error);
  return message.charAt(0).toLowerCase() + message.slice(1);
}

/**
 * Reads the command line (`argv`, else the process's) against `cli`; see the top of this file.
 * @param {CliCommand} cli
 * @param {string[]} [argv]
 */
export function readCommandLine(cli, argv = process.argv.slice(2)) {
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
    return failUsage(cli, firstSentence(error));
  }
  if (parsed.values.help) showUsage(cli);
  const { positionals } = parsed;
  if (positionals.length > declared.length) {
    failUsage(cli, `unexpected argument "${positionals[declared.length]}"`);
  }
  const missing = declared.slice(positionals.length).find((p) => !p.optional);
  if (missing) failUsage(cli, `missing <${missing.name}>`);
  return { values: parsed.values, positionals };
}

/**
 * @param {CliCommand} cli
 * @returns {never}
 */
function showUsage(cli) {
  console.log(usageText(cli));
  process.exit(0);
}
