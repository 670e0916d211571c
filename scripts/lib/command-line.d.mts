// Types of command-line.mjs (plain JavaScript, so scripts/start-server.mjs can read its line too).

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

type Values<O extends Record<string, CliOption>> = {
  [K in keyof O]: O[K]["type"] extends "boolean" ? boolean | undefined : string | undefined;
};

/** The usage text of a command: what it does, its arguments and options. */
export function usageText(cli: CliCommand<Record<string, CliOption>>): string;

/** Stops the script over its command line: one line saying why, then the usage; exit code 1. */
export function failUsage(cli: CliCommand<Record<string, CliOption>>, message: string): never;

/** parseArgs's refusal as one line: its first sentence (the rest is advice about "--"), lower case. */
export function firstSentence(error: unknown): string;

/** Reads the command line (`argv`, else the process's) against `cli`: help, or a refusal, exits. */
export function readCommandLine<O extends Record<string, CliOption>>(
  cli: CliCommand<O>,
  argv?: string[],
): { values: Values<O>; positionals: string[] };
