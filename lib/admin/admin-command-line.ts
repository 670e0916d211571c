// The command line of `npm run admin`, read without the database or the modules that change it:
// help, a command's `--help` and every mistake answer before Prisma loads (scripts/admin.ts imports
// the commands' work, admin-commands.ts, only for a command line that reads well).
import { parseArgs } from "node:util";

export interface AdminIo {
  out(line: string): void;
  err(line: string): void;
}

interface CommandLine {
  usage: string;
  summary: string;
  options: Record<string, { type: "string" | "boolean" }>;
}

export const COMMAND_LINES = {
  "create-user": {
    usage: "create-user --email <email> --name <name> [--password <password>]",
    summary: "an account; without --password a strong one is made and printed once",
    options: { email: { type: "string" }, name: { type: "string" }, password: { type: "string" } },
  },
  "create-program": {
    usage:
      "create-program --name <name> [--slug <slug>] --timezone <IANA zone> --currency <ISO 4217> --owner <email>",
    summary: "a program with its first owner and a default group",
    options: {
      name: { type: "string" },
      slug: { type: "string" },
      timezone: { type: "string" },
      currency: { type: "string" },
      owner: { type: "string" },
    },
  },
  "add-member": {
    usage: "add-member --program <slug> --email <email> --role owner|manager|viewer",
    summary: "an existing account joins a program",
    options: { program: { type: "string" }, email: { type: "string" }, role: { type: "string" } },
  },
  "set-role": {
    usage: "set-role --program <slug> --email <email> --role owner|manager|viewer|removed",
    summary: "change a member's role, or remove them (a program keeps its last owner)",
    options: { program: { type: "string" }, email: { type: "string" }, role: { type: "string" } },
  },
  "reset-password": {
    usage: "reset-password --email <email>",
    summary: "prints a one-time link (valid one hour) to choose a new password",
    options: { email: { type: "string" } },
  },
  list: {
    usage: "list",
    summary: "every program with its members, and accounts in no program",
    options: {},
  },
} satisfies Record<string, CommandLine>;

export type AdminCommandName = keyof typeof COMMAND_LINES;
export type AdminValues = Record<string, string | boolean | undefined>;

/** One line per command: its name and what it does (the help's body). */
export function adminCommandList(): string[] {
  return Object.entries(COMMAND_LINES).map(([name, c]) => `  ${name.padEnd(15)} ${c.summary}`);
}

/** The usage: on stdout when asked for, on stderr after a mistake (as the shared helper does). */
function help(write: (line: string) => void) {
  write("Usage: npm run admin -- <command> [options]\n");
  write("Stop the app first when it uses the embedded database. Commands:");
  for (const line of adminCommandList()) write(line);
  write("npm run admin -- <command> --help shows a command's options.");
}

export type ParsedAdmin = { code: number } | { name: AdminCommandName; values: AdminValues };

/**
 * Reads a command line without a database: help (`--help`, `-h`, `help`), an unknown command or
 * option answers here with its exit code (1 for a mistake: one line and the usage).
 */
export function parseAdmin(argv: string[], io: AdminIo): ParsedAdmin {
  const [name, ...rest] = argv;
  if (!name || name === "--help" || name === "-h" || name === "help") {
    help(name ? io.out : io.err);
    return { code: name ? 0 : 1 };
  }
  if (!Object.hasOwn(COMMAND_LINES, name)) {
    // Worded as scripts/lib/command-line.mjs words a mistake: one line, a blank line, the usage.
    io.err(`npm run admin: unknown ${name.startsWith("-") ? "option" : "command"} '${name}'\n`);
    help(io.err);
    return { code: 1 };
  }
  const command: CommandLine = COMMAND_LINES[name as AdminCommandName];
  try {
    const { values } = parseArgs({
      args: rest,
      options: { ...command.options, help: { type: "boolean", short: "h" } },
      strict: true,
      allowPositionals: false,
    });
    if (values.help) {
      io.out(commandUsage(name as AdminCommandName));
      return { code: 0 };
    }
    return { name: name as AdminCommandName, values: values as AdminValues };
  } catch (error) {
    return refusedUsage(name as AdminCommandName, error as Error, io);
  }
}

/** A command's usage, as scripts/lib/command-line.mjs starts one. */
function commandUsage(name: AdminCommandName): string {
  const command = COMMAND_LINES[name];
  return `Usage: npm run admin -- ${command.usage}\n\n${command.summary}`;
}

/**
 * A command's refusal, worded as the shared helper words one: a line naming the mistake (parseArgs's
 * first sentence, lower case; the rest is advice about "--"), a blank line, the usage; exit code 1.
 */
export function refusedUsage(name: AdminCommandName, error: Error, io: AdminIo) {
  const message = error.message.split(/\.\s|\n/)[0];
  io.err(`npm run admin ${name}: ${message.charAt(0).toLowerCase()}${message.slice(1)}\n`);
  io.err(commandUsage(name));
  return { code: 1 };
}

/** The exit code of a command line that needs no database (help, mistakes), else null. */
export function adminWithoutDatabase(argv: string[], io: AdminIo): number | null {
  const parsed = parseAdmin(argv, io);
  return "code" in parsed ? parsed.code : null;
}
