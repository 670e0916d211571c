import type { z } from "zod";

/** The HTTP status a refusal would have as an API answer (403 role, 404 unknown, 409 busy, 422 input). */
export type RefusalCode = 403 | 404 | 409 | 422;

/**
 * A form's refusal: the sentence to show, and where. `field` is the control the sentence is about
 * (one-field answers); `fields` holds a sentence per control when several are wrong.
 */
export type FormRefusal = {
  status: "error";
  message: string;
  field?: string;
  fields?: Record<string, string>;
  code?: RefusalCode;
};

/** What most forms answer when they worked: a sentence saying what was done. */
export type Saved = { status: "saved"; message?: string };

/**
 * The one answer of every form's server action: not yet submitted, refused, or done. `Ok` is what
 * "done" carries (its `status` names it; `Saved` unless the form needs more, e.g. a new key).
 */
export type FormResult<Ok extends { status: string } = Saved> = Idle | FormRefusal | Ok;

/** Not submitted yet. */
export type Idle = { status: "idle"; message?: undefined };
export const IDLE: Idle = { status: "idle" };

/** A refusal with its sentence, and optionally the field, status code… it is about. */
export function refused(message: string, about: Omit<FormRefusal, "status" | "message"> = {}) {
  const refusal: FormRefusal = { status: "error", message };
  for (const [key, value] of Object.entries(about)) {
    if (value !== undefined && value !== "") Object.assign(refusal, { [key]: value });
  }
  return refusal;
}

/** Input a schema refused, as the form shows it: the first problem, beside its field. */
export function invalidInput(error: z.ZodError, about: { code?: RefusalCode } = {}): FormRefusal {
  const issue = error.issues[0];
  const field = issue.path[0] === undefined ? undefined : String(issue.path[0]);
  return refused(issue.message, { field, ...about });
}

/**
 * Input a schema refused, for a form of many fields: `summary` on top, and each wrong field's
 * first problem beside it (the path from `under`, e.g. `["program"]` for `program.name`).
 */
export function invalidFields(
  error: z.ZodError,
  summary: string,
  under: readonly PropertyKey[] = [],
): FormRefusal {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    if (!under.every((key, i) => issue.path[i] === key)) continue;
    const field = issue.path[under.length];
    if (field !== undefined) fields[String(field)] ??= issue.message;
  }
  return { status: "error", message: summary, fields };
}

/** The sentence a refusal shows beside `field`, if any. */
export function fieldError(result: { status: string }, field: string): string | undefined {
  if (result.status !== "error") return undefined;
  const refusal = result as FormRefusal;
  return refusal.fields?.[field] ?? (refusal.field === field ? refusal.message : undefined);
}
