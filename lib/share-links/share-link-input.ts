import { z } from "zod";
import { parseDate } from "../time/calendar-date";
import { startOfDate } from "../time/zone";
import { MAX_INT } from "../validation/fields";
import { parseEmbedOrigins } from "./embed-origins";

/** The create form's fields; `expires` is the last day the link opens, in the program's zone. */
export const shareLinkForm = z
  .object({
    savedViewId: z.coerce
      .number({ message: "Choose a saved view" })
      .int("Choose a saved view")
      .min(1, "Choose a saved view")
      .max(MAX_INT, "Choose a saved view"),
    password: z.string().max(200, "At most 200 characters"),
    expires: z
      .string()
      .trim()
      .refine((text) => text === "" || parseDate(text) !== null, "Use a date like 2027-01-31"),
    embedOrigins: z
      .string()
      .max(2000, "At most 2,000 characters")
      .transform((text, ctx) => {
        const parsed = parseEmbedOrigins(text);
        if ("problem" in parsed) {
          ctx.addIssue({ code: "custom", message: parsed.problem });
          return z.NEVER;
        }
        return parsed.origins;
      }),
  })
  .superRefine((form, ctx) => {
    if (form.password && form.embedOrigins.length > 0) {
      ctx.addIssue({
        code: "custom",
        path: ["embedOrigins"],
        message:
          "A link with a password cannot be embedded (other sites' frames do not keep the cookie that remembers it): leave one of the two empty",
      });
    }
  });

/** The first instant the link no longer opens: the midnight after its last day, in the zone. */
export function expiryOf(expires: string, timeZone: string): Date | null {
  const day = parseDate(expires);
  if (!day) return null;
  const next = new Date(Date.UTC(day.year, day.month - 1, day.day + 1));
  return new Date(
    startOfDate(
      { year: next.getUTCFullYear(), month: next.getUTCMonth() + 1, day: next.getUTCDate() },
      timeZone,
    ),
  );
}
