import { z } from "zod";

export const MAX_INT = 2_147_483_647;

/** 9999-12-31T23:59:59.999Z: the last instant every part of the stack can store. */
export const MAX_EPOCH_MS = 253_402_300_799_999;

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

/** PostgreSQL text cannot hold NUL characters: refuse them at the edge instead of failing later. */
export const noNul = (v: string) => !v.includes("\u0000");
export const NO_NUL_MESSAGE = "must not contain NUL characters";

export const plainText = z.string().refine(noNul, NO_NUL_MESSAGE);

export const externalKey = z
  .string()
  .trim()
  .min(1, "must not be empty")
  .max(255, "must be at most 255 characters")
  .refine(noNul, NO_NUL_MESSAGE);

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

export function listEnvelope<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), has_more: z.boolean(), total: z.int() });
}
