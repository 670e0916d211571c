import { z } from "zod";
import { findJsonProblem } from "../find-json-problem";
import { NO_NUL_MESSAGE, UNPAIRED_SURROGATE_MESSAGE, noNul } from "../storable-text";

export const MAX_INT = 2_147_483_647;

/** 9999-12-31T23:59:59.999Z: the last instant every part of the stack can store. */
const MAX_EPOCH_MS = 253_402_300_799_999;

/** Epoch milliseconds, as the public API sends and receives times. */
export const epochMs = z
  .int()
  .min(0, "must be epoch milliseconds from 1970 on")
  .max(MAX_EPOCH_MS, "must be before the year 10000")
  .meta({ description: "Epoch milliseconds (UTC)" });

/** An input time: epoch ms or ISO 8601 with a zone, between 1970 and 9999. */
export const inputTime = z
  .union([
    epochMs,
    z.iso.datetime({
      offset: true,
      message: "must be ISO 8601 with a time zone, or epoch milliseconds",
    }),
  ])
  .refine((v) => {
    const ms = new Date(v).getTime();
    return Number.isFinite(ms) && ms >= 0 && ms <= MAX_EPOCH_MS;
  }, "must be between 1970 and 9999");

/** An epoch-ms query parameter (query strings are text). */
export const epochMsQuery = z
  .string()
  .regex(/^\d{1,15}$/, "must be epoch milliseconds (digits only)")
  .transform(Number)
  .pipe(epochMs);

/**
 * Every text the database stores goes through this: no NUL (PostgreSQL refuses it) and no
 * unpaired surrogate (stored as U+FFFD, so not what was sent) — a 422 naming the field, not a 500.
 */
export function storable<T extends z.ZodString>(schema: T): T {
  return schema
    .refine(noNul, NO_NUL_MESSAGE)
    .refine((v) => v.isWellFormed(), UNPAIRED_SURROGATE_MESSAGE);
}

/** An email address, as every part of the API (and what PartnerStack sends us) takes one. */
export const emailAddress = z
  .email("must be an email address")
  .max(320, "must be at most 320 characters");

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

export const limitQuery = z
  .string()
  .regex(/^\d+$/, "must be a whole number")
  .transform(Number)
  .pipe(z.int().min(1, "must be between 1 and 250").max(250, "must be between 1 and 250"))
  .default(10);

/** `starting_after` / `ending_before`: an item key; at most one of them. */
export const cursorQuery = {
  starting_after: externalKey.optional(),
  ending_before: externalKey.optional(),
};

export const exclusiveCursors = <T extends { starting_after?: string; ending_before?: string }>(
  value: T,
  ctx: z.RefinementCtx,
) => {
  if (value.starting_after && value.ending_before) {
    ctx.addIssue({
      code: "custom",
      path: ["ending_before"],
      message: "starting_after and ending_before are mutually exclusive",
    });
  }
};

export const booleanQuery = z
  .enum(["true", "false", "1", "0"], { message: "must be true or false" })
  .transform((v) => v === "true" || v === "1");

/**
 * A field a write ignored because this version of the API does not know it (a newer or older
 * client's field): the write goes ahead and its answer says so, once per field.
 */
export const fieldWarning = z.object({
  code: z.literal("unknown_field"),
  field: z
    .string()
    .meta({ description: "The ignored field, as sent (batch items: actions.<index>.<name>)" }),
  message: z.string(),
});

export type FieldWarning = z.output<typeof fieldWarning>;

export function listEnvelope<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), has_more: z.boolean(), total: z.int() });
}
