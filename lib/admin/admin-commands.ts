import "server-only";
import { randomBytes } from "node:crypto";
import type { z } from "zod";
import { config } from "../config/config.mjs";
import { accountInput, createAccount } from "../accounts/create-account";
import { createPasswordReset, passwordResetUrl } from "../accounts/create-password-reset";
import type { PrismaClient, Role } from "../generated/prisma/client";
import { addMember } from "../programs/add-member";
import { createProgram } from "../programs/create-program";
import { programInput } from "../programs/program-input";
import { setMemberRole } from "../programs/set-member-role";
import {
  parseAdmin,
  refusedUsage,
  type AdminCommandName,
  type AdminIo,
  type AdminValues,
} from "./admin-command-line";

class AdminError extends Error {}

/** The server's public origin, for printed links (as the server's own emails use). */
const adminBaseUrl = () => config().NEXTAUTH_URL || "http://127.0.0.1:3000";
/** Who the audit log names for changes made here. */
const ADMIN_ACTOR = { system: "npm run admin" };

const ROLES = ["owner", "manager", "viewer"] as const;

/** What each command does (its command line is declared in admin-command-line.ts). */
type Run = (prisma: PrismaClient, values: AdminValues, io: AdminIo) => Promise<void>;

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

const RUNS: Record<AdminCommandName, Run> = {
  "create-user": async (prisma, v, io) => {
    required(v, "email", "name");
    const generated = v.password === undefined;
    const password = generated ? randomBytes(18).toString("base64url") : String(v.password);
    const input = valid(accountInput, { email: v.email, name: v.name, password }, {});
    const made = await createAccount(prisma, input);
    if (!made.ok) throw new AdminError(`--${made.field}: ${made.message}`);
    io.out(`Created ${input.email} (user ${made.id}).`);
    if (generated) io.out(`Password (shown once): ${password}`);
  },
  "create-program": async (prisma, v, io) => {
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
  "add-member": async (prisma, v, io) => {
    required(v, "program", "email", "role");
    const { program, user } = await memberOf(prisma, v);
    const done = await addMember(prisma, program.id, user.id, role(v.role), ADMIN_ACTOR);
    if (!done.ok) throw new AdminError(`--email: ${user.email} ${done.message}`);
    io.out(`${user.email} is now a ${v.role} of ${program.slug}.`);
  },
  "set-role": async (prisma, v, io) => {
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
  "reset-password": async (prisma, v, io) => {
    required(v, "email");
    const user = await userByEmail(prisma, String(v.email));
    const token = await createPasswordReset(prisma, user.id);
    io.out(`Reset link for ${user.email} (works once, for one hour; NEXTAUTH_URL is its origin):`);
    io.out(passwordResetUrl(adminBaseUrl(), token));
  },
  list: async (prisma, _v, io) => {
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
};

/** Runs one admin command; returns the exit code (0 done, 1 refused or bad input). */
export async function runAdmin(argv: string[], prisma: PrismaClient, io: AdminIo): Promise<number> {
  const parsed = parseAdmin(argv, io);
  if ("code" in parsed) return parsed.code;
  try {
    await RUNS[parsed.name](prisma, parsed.values, io);
    return 0;
  } catch (error) {
    if (error instanceof AdminError) return refusedUsage(parsed.name, error, io).code;
    throw error;
  }
}
