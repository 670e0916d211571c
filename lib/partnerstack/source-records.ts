// What the importer and the webhook endpoint read from PartnerStack (or another Actionboard, which
// speaks the same v2 API): lenient where the two differ (a partnership's key or partner_key, a
// group by key, slug or name, tags as names or objects, `archived` as a boolean or the string
// "false" of PartnerStack's webhook samples), strict where a wrong value would store a wrong number.
import { z } from "zod";
import { actionType } from "../schemas/actions";
import {
  emailAddress,
  externalKey,
  MAX_INT,
  storable,
  storableJsonObject,
} from "../validation/fields";
import { epochMs } from "../validation/times";
import { customerName } from "../schemas/customers";
import { partnerName, tagName } from "../schemas/partnerships";

// One set of field rules: what the API refuses, the importer and the webhooks refuse too (a key
// the API could not use, text PostgreSQL cannot hold, an email that is none), each named.
const text = storable(z.string().trim().max(255, "must be at most 255 characters"));
const key = externalKey;
const ms = epochMs;
/** `true`, `false`, `"true"`, `"false"` (webhook payloads send strings). */
const flag = z.union([z.boolean(), z.enum(["true", "false"]).transform((v) => v === "true")]);
/** Optional, with an empty text read as absent (PartnerStack sends `""` for a field it lacks). */
const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (typeof v === "string" && v.trim() === "" ? null : v), schema.nullish());

export const sourceGroup = z.object({
  key,
  name: storable(z.string().trim().min(1, "must not be empty").max(255)),
  slug: optional(text),
});

const groupRef = z.object({
  key: optional(key),
  slug: optional(text),
  name: optional(text),
});

const tag = z
  .union([tagName, z.object({ name: tagName })])
  .transform((t) => (typeof t === "string" ? t : t.name));

export const sourcePartnership = z
  .object({
    key: optional(key),
    partner_key: optional(key),
    email: optional(emailAddress),
    first_name: optional(partnerName),
    last_name: optional(partnerName),
    group: groupRef.nullish(),
    tags: z.array(tag).max(50, "at most 50 tags").nullish(),
    manager_email: optional(emailAddress),
    is_marketplace: flag.nullish(),
    archived: flag.nullish(),
    joined_at: ms.nullish(),
    created_at: ms.nullish(),
    updated_at: ms.nullish(),
  })
  .transform((p, ctx) => {
    const partnerKey = (p.partner_key ?? p.key ?? "").trim();
    if (!partnerKey) {
      ctx.addIssue({ code: "custom", path: ["partner_key"], message: "is missing" });
      return z.NEVER;
    }
    // `key` stays the source's own (the list cursor); partner_key names it here.
    return { ...p, key: p.key?.trim() || partnerKey, partnerKey };
  });

export const sourceCustomer = z
  .object({
    key: optional(key),
    customer_key: optional(key),
    email: optional(emailAddress),
    name: optional(customerName),
    partner_key: optional(key),
    partnership_key: optional(key),
    meta: storableJsonObject.nullish(),
    archived: flag.nullish(),
    created_at: ms.nullish(),
    updated_at: ms.nullish(),
  })
  .transform((c, ctx) => {
    const customerKey = (c.customer_key ?? c.key ?? "").trim();
    if (!customerKey) {
      ctx.addIssue({ code: "custom", path: ["customer_key"], message: "is missing" });
      return z.NEVER;
    }
    return {
      ...c,
      key: c.key?.trim() || customerKey,
      customerKey,
      partnerKey: c.partner_key ?? c.partnership_key,
    };
  });

export const sourceAction = z.object({
  key,
  type: actionType,
  value: z.number().int().min(1).max(MAX_INT),
  archived: flag.nullish(),
  partnership_key: key,
  customer: z.object({ key }).nullish(),
  occurred_at: ms.nullish(),
  created_at: ms,
  updated_at: ms.nullish(),
});

export const sourceReward = z.object({
  key,
  amount: z.number().int().min(0).max(MAX_INT),
  currency: optional(text),
  status: z.enum(["pending", "approved", "declined", "paid"]).catch("pending"),
  archived: flag.nullish(),
  action_key: optional(key),
  partnership_key: optional(key),
  created_at: ms.nullish(),
});

export type SourceGroup = z.output<typeof sourceGroup>;
export type SourcePartnership = z.output<typeof sourcePartnership>;
export type SourceCustomer = z.output<typeof sourceCustomer>;
export type SourceAction = z.output<typeof sourceAction>;
export type SourceReward = z.output<typeof sourceReward>;
