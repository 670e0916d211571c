import { z } from "zod";
import { storable } from "../validation/fields";
import { slugFromName } from "./slug-from-name";

export { slugFromName };

/** Zones a program may count in: the IANA zones this runtime knows, and UTC. */
export const TIME_ZONES: readonly string[] = ["UTC", ...Intl.supportedValuesOf("timeZone")];
/** ISO 4217 currencies this runtime knows. */
export const CURRENCIES: readonly string[] = Intl.supportedValuesOf("currency");

const SLUG = /^[a-z0-9](?:[a-z0-9-]{0,46}[a-z0-9])?$/;

/**
 * A new program as the setup page, the programs form and `npm run admin` send it: the slug is
 * derived from the name when left empty.
 */
export const programInput = z
  .object({
    name: storable(
      z
        .string("Name the program")
        .trim()
        .min(1, "Name the program")
        .max(100, "At most 100 characters"),
    ),
    slug: z.string().trim().toLowerCase().optional(),
    timezone: z
      .string("Choose a time zone")
      .refine(
        (zone) => TIME_ZONES.includes(zone),
        "is not a time zone this server knows (e.g. Europe/Berlin)",
      ),
    currency: z
      .string("Choose a currency")
      .trim()
      .toUpperCase()
      .refine((code) => CURRENCIES.includes(code), "is not an ISO 4217 currency code (e.g. EUR)"),
  })
  .transform((p, ctx) => {
    const slug = p.slug || slugFromName(p.name);
    if (!SLUG.test(slug)) {
      ctx.addIssue({
        code: "custom",
        path: ["slug"],
        message: "use 1–48 lowercase letters, digits and inner hyphens (e.g. acme-partners)",
      });
      return z.NEVER;
    }
    return { ...p, slug };
  });

export type ProgramInput = z.output<typeof programInput>;
