import "server-only";
import { notFound } from "next/navigation";
import type { z } from "zod";
import { overDatabase } from "../db/over-database";
import type { OpenDatabase } from "../db/open";
import type { PrismaClient } from "../generated/prisma/client";
import { requireProgramAccess } from "./require-program-access";
import type { Role } from "./roles";

type Access = Awaited<ReturnType<typeof requireProgramAccess>> & {
  slug: string;
  prisma: PrismaClient;
  /** The whole database (for what is built over it, e.g. the process's analytics copy). */
  db: OpenDatabase;
};

/**
 * The one way into a program's server action, as `withApiKey` is for route handlers: the slug
 * (a string, else 404), the signed-in member's access (sign-in, 404 and 403 as for pages), the
 * role (`allow`, else `refused(refusal)`), the input (`schema`, else `invalid(error, input)`),
 * then `run` with the database (`access.prisma`; `.on(db)` runs the action over a test's database).
 * A refusal or bad input is an answer the form shows, never an exception, which the
 * client would see as a 500.
 */
export function programAction<
  S extends z.ZodType,
  R,
  A extends unknown[] = [input: unknown],
>(spec: {
  allow: (role: Role) => boolean;
  refusal: string;
  schema: S;
  /** The input from the arguments after the slug (a form, a bound value…); else the first one. */
  input?: (...args: A) => unknown;
  refused: (message: string) => R;
  invalid: (error: z.ZodError, input: unknown) => R;
  run: (access: Access, data: z.output<S>) => Promise<R>;
}) {
  return overDatabase((database) => async (slug: unknown, ...args: A): Promise<R> => {
    if (typeof slug !== "string") notFound();
    const db = await database();
    const { prisma } = db;
    const access = await requireProgramAccess(prisma, slug);
    if (!spec.allow(access.role)) return spec.refused(spec.refusal);
    const input = spec.input ? spec.input(...args) : args[0];
    const parsed = spec.schema.safeParse(input);
    if (!parsed.success) return spec.invalid(parsed.error, input);
    return spec.run({ ...access, slug, prisma, db }, parsed.data);
  });
}

/** Named fields of a submitted form (null for a field it lacks, or for a call sending no form). */
export function formFields(form: unknown, names: readonly string[]): Record<string, unknown> {
  return Object.fromEntries(names.map((n) => [n, form instanceof FormData ? form.get(n) : null]));
}

/** Every field of a submitted form as text (empty for a call sending no form). */
export function formText(form: unknown): Record<string, string> {
  return form instanceof FormData
    ? Object.fromEntries([...form].map(([k, v]) => [k, String(v)]))
    : {};
}
