import { z } from "zod";
import { externalKey } from "../validation/fields";
import { epochMs } from "../validation/times";

// What only the API's requests and answers have: query parameters, paging, warnings, lists. The
// validators of stored values (text, keys, times) are shared, in lib/validation.

/** An epoch-ms query parameter (query strings are text). */
export const epochMsQuery = z
  .string()
  .regex(/^\d{1,15}$/, "must be epoch milliseconds (digits only)")
  .transform(Number)
  .pipe(epochMs);

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
  return z.object({
    items: z.array(item),
    has_more: z.boolean(),
    total: z.int().meta({
      description:
        "Items matching the filters, all pages together: counted, or PostgreSQL's estimate when the request says `Prefer: count=planned` (the answer then says `Preference-Applied: count=planned`)",
    }),
  });
}
