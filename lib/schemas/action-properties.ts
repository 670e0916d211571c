import { z } from "zod";
import { noNul } from "../validation/storable-text";

// An action's properties (issue 28, an extension of PartnerStack v2): a flat object the program
// sends with the action ({ "plan": "pro", "seats": 5, "trial": false }), kept with it, listed in
// the drill-down and filtered on the Actions tab, where each value is read as text (5 → "5").

export const MAX_PROPERTIES = 20;
export const MAX_PROPERTY_TEXT = 256;
export const PROPERTY_KEY = /^[A-Za-z0-9_.:-]{1,64}$/;
export const PROPERTY_KEY_RULE = "property names are 1 to 64 letters, digits, _ . : or -";

export type PropertyValue = string | number | boolean;
export type ActionProperties = Record<string, PropertyValue>;

/** Why a value cannot be a property value, or null when it can. */
function valueProblem(value: unknown): string | null {
  if (typeof value === "boolean") return null;
  // A number whose text has an exponent (1e21, 1e-7) reads differently in PostgreSQL ("1000…").
  if (typeof value === "number")
    return Number.isFinite(value) && !String(value).includes("e")
      ? null
      : "must be a finite number below 1e21 in size, and 0 or at least 0.000001 in size";
  if (typeof value !== "string") return "must be a string, a number or a boolean";
  if (value.length === 0) return "must not be empty";
  if (value.length > MAX_PROPERTY_TEXT) return `must be at most ${MAX_PROPERTY_TEXT} characters`;
  if (!noNul(value)) return "must not contain the NUL character";
  if (!value.isWellFormed()) return "must not contain unpaired surrogates";
  return null;
}

export const actionProperties = z
  .record(z.string(), z.unknown(), "must be an object of properties")
  .superRefine((value, ctx) => {
    const keys = Object.keys(value);
    if (keys.length > MAX_PROPERTIES)
      ctx.addIssue({ code: "custom", message: `must hold at most ${MAX_PROPERTIES} properties` });
    for (const key of keys) {
      if (!PROPERTY_KEY.test(key)) {
        // An empty name cannot name the field ("properties."): the object is named instead.
        ctx.addIssue({ code: "custom", path: key ? [key] : [], message: PROPERTY_KEY_RULE });
        continue;
      }
      const problem = valueProblem(value[key]);
      if (problem) ctx.addIssue({ code: "custom", path: [key], message: problem });
    }
  })
  .transform((value) => value as ActionProperties)
  .meta({
    description: `Actionboard extension of PartnerStack v2: at most ${MAX_PROPERTIES} flat properties of the action, e.g. {"plan": "pro", "seats": 5}. Names: 1–64 letters, digits, _ . : -; values: text (1–${MAX_PROPERTY_TEXT} characters), finite number (below 1e21 in size, and 0 or at least 0.000001) or boolean. The Actions tab filters on them as text (5 → "5", true → "true").`,
    "x-actionboard-extension": true,
    maxProperties: MAX_PROPERTIES,
    propertyNames: { type: "string", pattern: PROPERTY_KEY.source },
    additionalProperties: {
      anyOf: [
        { type: "string", minLength: 1, maxLength: MAX_PROPERTY_TEXT },
        { type: "number" },
        { type: "boolean" },
      ],
    },
  });

/** A property value as the tab reads it (PostgreSQL's `->>` text: 5 → "5", true → "true"). */
export const propertyText = (value: PropertyValue): string => String(value);
