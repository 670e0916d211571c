import "server-only";
import { notFound } from "next/navigation";
import type { z } from "zod";
import { overDatabase } from "../db/over-database";
import { invalidInput, refused, type FormRefusal } from "../forms/form-result";
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
 * role (`allow`, else the standard refusal with `refusal`'s sentence), the input (`schema`, else
 * the first problem beside its field: `invalidInput`), then `run` with the database
 * (`access.prisma`; `.on(db)` runs the action over a test's database). A refusal or bad input is
 * a `FormResult` the form shows, never an exception, which the client would see as a 500.
 * `refused` and `invalid` replace the standard answers where a form needs another (e.g. an id
 * that does not parse is "no such row").
 */
export function programAction<
  S extends z.ZodType,
  R = FormRefusal,
  A extends unknown[] = [input: unknown],
>(spec: {
  /** Who may (everyone when left out: `run` decides). */
  allow?: (role: Role) => boolean;
  refusal?: string;
  schema: S;
  /** The input from the arguments after the slug (a form, a bound value…); else the first one. */
  input?: (...args: A) => unknown;
  refused?: (message: string) => R;
  invalid?: (error: z.ZodError, input: unknown) => R;
  run: (access: Access, data: z.output<S>) => Promise<R>;
}) {
  return overDatabase((database) => async (slug: unknown, ...args: A): Promise<R | FormRefusal> => {
    if (typeof slug !== "string") notFound();
    const db = await database();
    const { prisma } = db;
    const access = await requireProgramAccess(prisma, slug);
    if (spec.allow && !spec.allow(access.role)) {
      const message = spec.refusal ?? "Your role cannot do this.";
      return spec.refused ? spec.refused(message) : refused(message);
    }
    const input = spec.input ? spec.input(...args) : args[0];
    const parsed = spec.schema.safeParse(input);
    if (!parsed.success) {
      return spec.invalid ? spec.invalid(parsed.error, input) : invalidInput(parsed.error);
    }
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
