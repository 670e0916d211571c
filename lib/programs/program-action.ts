import "server-only";
import { notFound } from "next/navigation";
import type { z } from "zod";
import { requireProgramAccess } from "./require-program-access";
import type { Role } from "./roles";

type Access = Awaited<ReturnType<typeof requireProgramAccess>> & { slug: string };

/**
 * The one way into a program's server action, as `withApiKey` is for route handlers: the slug
 * (a string, else 404), the signed-in member's access (sign-in, 404 and 403 as for pages), the
 * role (`allow`, else `refused(refusal)`), the input (`schema`, else `invalid(error, input)`),
 * then `run`. A refusal or bad input is an answer the form shows, never an exception, which the
 * client would see as a 500.
 */
export function programAction<S extends z.ZodType, R>(spec: {
  allow: (role: Role) => boolean;
  refusal: string;
  schema: S;
  refused: (message: string) => R;
  invalid: (error: z.ZodError, input: unknown) => R;
  run: (access: Access, data: z.output<S>) => Promise<R>;
}): (slug: unknown, input: unknown) => Promise<R> {
  return async (slug, input) => {
    if (typeof slug !== "string") notFound();
    const access = await requireProgramAccess(slug);
    if (!spec.allow(access.role)) return spec.refused(spec.refusal);
    const parsed = spec.schema.safeParse(input);
    if (!parsed.success) return spec.invalid(parsed.error, input);
    return spec.run({ ...access, slug }, parsed.data);
  };
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
