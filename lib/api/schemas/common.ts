import { z } from "zod";

export const MAX_INT = 2_147_483_647;

/** Epoch milliseconds, as the public API sends and receives times. */
export const epochMs = z.int().min(0).meta({ description: "Epoch milliseconds (UTC)" });

/** An epoch-ms query parameter (query strings are text). */
export const epochMsQuery = z
  .string()
  .regex(/^\d{1,15}$/, "must be epoch milliseconds (digits only)")
  .transform(Number);

export const externalKey = z
  .string()
  .trim()
  .min(1, "must not be empty")
  .max(255, "must be at most 255 characters");

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
