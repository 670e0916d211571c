import { z } from "zod";

/**
 * How many action types a program may have: every type is a series, a filter option and a row
 * group, and one batch of 1,000 new types once made the any-time tab 267 MB of HTML.
 */
export const DEFAULT_ACTION_TYPES_PER_PROGRAM = 200;

const setting = z.coerce
  .number()
  .int("must be a whole number")
  .min(1, "must be at least 1")
  .max(100_000, "must be at most 100000");

/** ACTION_TYPES_PER_PROGRAM, or the default; a bad value throws, naming the variable. */
export function actionTypesPerProgram(env: Record<string, string | undefined> = process.env) {
  const raw = env.ACTION_TYPES_PER_PROGRAM?.trim();
  if (!raw) return DEFAULT_ACTION_TYPES_PER_PROGRAM;
  const parsed = setting.safeParse(raw);
  if (!parsed.success) {
    throw new Error(`ACTION_TYPES_PER_PROGRAM="${raw}" ${parsed.error.issues[0].message}`);
  }
  return parsed.data;
}

/** The refusal for a type past the limit (the API's 422 message, the rule form's field error). */
export const typeLimitMessage = (limit: number) =>
  `this program already has ${limit} action types, the most it may have (ACTION_TYPES_PER_PROGRAM): use one of its existing types`;
