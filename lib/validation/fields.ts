import { z } from "zod";
import { findJsonProblem } from "./find-json-problem";
import { NO_NUL_MESSAGE, UNPAIRED_SURROGATE_MESSAGE, noNul } from "./storable-text";

// Validators every edge shares (the API's schemas, forms, URL state, what PartnerStack sends):
// what the database can store, whoever sends it.

/** The largest value of a PostgreSQL integer column. */
export const MAX_INT = 2_147_483_647;

/**
 * Every text the database stores goes through this: no NUL (PostgreSQL refuses it) and no
 * unpaired surrogate (stored as U+FFFD, so not what was sent) — refused naming the field, not a
 * database error.
 */
export function storable<T extends z.ZodString>(schema: T): T {
  return schema
    .refine(noNul, NO_NUL_MESSAGE)
    .refine((v) => v.isWellFormed(), UNPAIRED_SURROGATE_MESSAGE);
}

/** An email address, as every part of the app (and what PartnerStack sends us) takes one. */
export const emailAddress = z
  .email("must be an email address")
  .max(320, "must be at most 320 characters");

/** A key a client chose for a record (customer_key, partner_key, an action's key…). */
export const externalKey = storable(
  z.string().trim().min(1, "must not be empty").max(255, "must be at most 255 characters"),
);

/** Deepest nesting a stored JSON object (a customer's `meta`) may have. */
export const MAX_JSON_DEPTH = 32;

/** A JSON object stored in jsonb: nested at most MAX_JSON_DEPTH levels, every text storable. */
export const storableJsonObject = z
  .record(z.string(), z.unknown(), "must be a JSON object")
  .superRefine((value, ctx) => {
    const problem = findJsonProblem(value, { maxDepth: MAX_JSON_DEPTH, storable: true });
    if (problem) ctx.addIssue({ code: "custom", path: problem.path, message: problem.message });
  });
