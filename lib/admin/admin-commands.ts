import "server-only";
import { randomBytes } from "node:crypto";
import { parseArgs } from "node:util";
import type { z } from "zod";
import { config } from "../config/config.mjs";
import { accountInput, createAccount } from "../accounts/create-account";
import { createPasswordReset, passwordResetUrl } from "../accounts/create-password-reset";
import type { PrismaClient, Role } from "../generated/prisma/client";
import { addMember } from "../programs/add-member";
import { createProgram } from "../programs/create-program";
import { programInput } from "../programs/program-input";
import { setMemberRole } from "../programs/set-member-role";

export interface AdminIo {
  out(line: string): void;
  err(line: string): void;
}

class AdminError extends Error {}

/** The server's public origin, for printed links (as the server's own emails use). */
const adminBaseUrl = () => config().NEXTAUTH_URL || "http://127.0.0.1:3000";
/** Who the audit log names for changes made here. */
const ADMIN_ACTOR = { system: "npm run admin" };

const ROLES = ["owner", "manager", "viewer"] as const;

interface Command {
  usage: string;
  summary: string;
  options: Record<string, { type: "string" | "boolean" }>;
  run(
    prisma: PrismaClient,
    values: Record<string, string | boolean | undefined>,
    io: AdminIo,
  ): Promise<void>;
}

/** The first refusal of a zod schema, as the option it came from. */
function valid<S extends z.ZodType>(
  schema: S,
  input: unknown,
  flags: Record<string, string>,
): z.output<S> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const field = String(issue.path[0] ?? "");
  throw new AdminError(`--${flags[field] ?? field}: ${issue.message}`);
}

function required(values: Record<string, unknown>, ...names: string[]) {
  const missing = names.filter((n) => typeof values[n] !== "string" || values[n] === "");
  if (missing.length) throw new AdminError(`missing ${missing.map((n) => `--${n}`).join(", ")}`);
}

async function userByEmail(prisma: PrismaClient, email: string) {
  const user = await prisma.user.findUnique({
    where: { email: email.trim().toLowerCase() },
    select: { id: true, email: true },
  });
  if (!user) throw new AdminError(`--email: no account with ${email}`);
  return user;
}

async function programBySlug(prisma: PrismaClient, slug: string) {
  const program = await prisma.program.findUnique({
    where: { slug },
    select: { id: true, slug: true },
  });
  if (!program) throw new AdminError(`--program: no program with slug "${slug}"`);
  return program;
}

/** The program (`--program`) and account (`--email`) a membership command names. */
async function memberOf(prisma: PrismaClient, v: Record<string, unknown>) {
  return {
    program: await programBySlug(prisma, String(v.program)),
    user: await userByEmail(prisma, String(v.email)),
  };
}

function role(value: unknown): Role {
  if (!ROLES.includes(value as Role))
    throw new AdminError(`--role: must be one of ${ROLES.join(", ")}`);
  return value as Role;
}

export const COMMANDS: Record<string, Command> = {
  "create-user": {
    usage: "create-user --email <email> --name <name> [--password <password>]",
    summary: "an account; without --password a strong one is made and printed once",
    options: { email: { type: "string" }, name: { type: "string" }, password: { type: "string" } },
    async run(prisma, v, io) {
      required(v, "email", "name");
      const generated = v.password === undefined;
      const password = generated ? randomBytes(18).toString("base64url") : String(v.password);
      const input = valid(accountInput, { email: v.email, name: v.name, password }, {});
      const made = await createAccount(prisma, input);
      if (!made.ok) throw new AdminError(`--${made.field}: ${made.message}`);
      io.out(`Created ${input.email} (user ${made.id}).`);
      if (generated) io.out(`Password (shown once): ${password}`);
    },
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
    async run(prisma, v, io) {
      required(v, "name", "timezone", "currency", "owner");
      const input = valid(programInput, v, {});
      const owner = await userByEmail(prisma, String(v.owner)).catch(() => {
        throw new AdminError(`--owner: no account with ${v.owner}`);
      });
      const made = await createProgram(prisma, input, owner.id);
      if (!made.ok) throw new AdminError(`--${made.field}: ${made.message}`);
      io.out(
        `Created program ${made.program.slug} (id ${made.program.id}), owned by ${owner.email}.`,
      );
    },
  },
  "add-member": {
    usage: "add-member --program <slug> --email <email> --role owner|manager|viewer",
    summary: "an existing account joins a program",
    options: { program: { type: "string" }, email: { type: "string" }, role: { type: "string" } },
    async run(prisma, v, io) {
      required(v, "program", "email", "role");
      const { program, user } = await memberOf(prisma, v);
      const done = await addMember(prisma, program.id, user.id, role(v.role), ADMIN_ACTOR);
      if (!done.ok) throw new AdminError(`--email: ${user.email} ${done.message}`);
      io.out(`${user.email} is now a ${v.role} of ${program.slug}.`);
    },
  },
  "set-role": {
    usage: "set-role --program <slug> --email <email> --role owner|manager|viewer|removed",
    summary: "change a member's role, or remove them (a program keeps its last owner)",
    options: { program: { type: "string" }, email: { type: "string" }, role: { type: "string" } },
    async run(prisma, v, io) {
      required(v, "program", "email", "role");
      const { program, user } = await memberOf(prisma, v);
      const next = v.role === "removed" ? null : role(v.role);
      const done = await setMemberRole(prisma, program.id, user.id, next, ADMIN_ACTOR);
      if (!done.ok)
        throw new AdminError(
          `--${done.field === "member" ? "email" : done.field}: ${user.email} ${done.message}`,
        );
      io.out(
        next
          ? `${user.email} is now a ${next} of ${program.slug}.`
          : `${user.email} left ${program.slug}.`,
      );
    },
  },
  "reset-password": {
    usage: "reset-password --email <email>",
    summary: "prints a one-time link (valid one hour) to choose a new password",
    options: { email: { type: "string" } },
    async run(prisma, v, io) {
      required(v, "email");
      const user = await userByEmail(prisma, String(v.email));
      const token = await createPasswordReset(prisma, user.id);
      io.out(
        `Reset link for ${user.email} (works once, for one hour; NEXTAUTH_URL is its origin):`,
      );
      io.out(passwordResetUrl(adminBaseUrl(), token));
    },
  },
  list: {
    usage: "list",
    summary: "every program with its members, and accounts in no program",
    options: {},
    async run(prisma, _v, io) {
      const programs = await prisma.program.findMany({
        orderBy: { slug: "asc" },
        select: {
          slug: true,
          name: true,
          timezone: true,
          currency: true,
          memberships: {
            select: { role: true, user: { select: { email: true } } },
            orderBy: { userId: "asc" },
          },
        },
      });
      for (const p of programs) {
        io.out(`${p.slug}  ${p.name}  (${p.timezone}, ${p.currency})`);
        for (const m of p.memberships) io.out(`  ${m.role.padEnd(8)} ${m.user.email}`);
      }
      const loose = await prisma.user.findMany({
        where: { memberships: { none: {} } },
        orderBy: { email: "asc" },
        select: { email: true },
      });
      if (loose.length) io.out(`in no program: ${loose.map((u) => u.email).join(", ")}`);
      if (!programs.length && !loose.length) io.out("No programs and no accounts yet.");
    },
  },
};

/** One line per command: its name and what it does (the help's body). */
export function adminCommandList(): string[] {
  return Object.entries(COMMANDS).map(([name, c]) => `  ${name.padEnd(15)} ${c.summary}`);
}

function help(io: AdminIo) {
  io.out(
    "npm run admin -- <command> [options]   (stop the app first when it uses the embedded database)",
  );
  for (const line of adminCommandList()) io.out(line);
  io.out("npm run admin -- <command> --help shows a command's options.");
}

type Parsed =
  | { code: number }
  | { name: string; command: Command; values: Record<string, string | boolean | undefined> };

/**
 * Reads a command line without a database: help (`--help`, `-h`, `help`), an unknown command or
 * option answers here with its exit code (1 for a mistake: one line and the usage).
 */
function parseAdmin(argv: string[], io: AdminIo): Parsed {
  const [name, ...rest] = argv;
  if (!name || name === "--help" || name === "-h" || name === "help") {
    help(io);
    return { code: name ? 0 : 1 };
  }
  const command = COMMANDS[name];
  if (!command) {
    io.err(`admin: unknown ${name.startsWith("-") ? "option" : "command"} "${name}"`);
    help(io);
    return { code: 1 };
  }
  try {
    const { values } = parseArgs({
      args: rest,
      options: { ...command.options, help: { type: "boolean", short: "h" } },
      strict: true,
      allowPositionals: false,
    });
    if (values.help) {
      io.out(`npm run admin -- ${command.usage}\n  ${command.summary}`);
      return { code: 0 };
    }
    return { name, command, values: values as Record<string, string | boolean | undefined> };
  } catch (error) {
    return refusedUsage(name, command, error as Error, io);
  }
}

function refusedUsage(name: string, command: Command, error: Error, io: AdminIo) {
  // parseArgs explains itself in its first sentence; the rest is advice about "--".
  io.err(`admin ${name}: ${error.message.split(/\.\s|\n/)[0]}`);
  io.err(`usage: npm run admin -- ${command.usage}`);
  return { code: 1 };
}

/** The exit code of a command line that needs no database (help, mistakes), else null. */
export function adminWithoutDatabase(argv: string[], io: AdminIo): number | null {
  const parsed = parseAdmin(argv, io);
  return "code" in parsed ? parsed.code : null;
}

/** Runs one admin command; returns the exit code (0 done, 1 refused or bad input). */
export async function runAdmin(argv: string[], prisma: PrismaClient, io: AdminIo): Promise<number> {
  const parsed = parseAdmin(argv, io);
  if ("code" in parsed) return parsed.code;
  try {
    await parsed.command.run(prisma, parsed.values, io);
    return 0;
  } catch (error) {
    if (error instanceof AdminError)
      return refusedUsage(parsed.name, parsed.command, error, io).code;
    throw error;
  }
}
