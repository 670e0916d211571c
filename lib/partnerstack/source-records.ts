// What the importer and the webhook endpoint read from PartnerStack (or another Actionboard, which
// speaks the same v2 API): lenient where the two differ (a partnership's key or partner_key, a
// group by key, slug or name, tags as names or objects, `archived` as a boolean or the string
// "false" of PartnerStack's webhook samples), strict where a wrong value would store a wrong number.
import { z } from "zod";

const text = z.string().max(10_000);
const ms = z.number().int().min(0).max(253_402_300_799_999);
/** `true`, `false`, `"true"`, `"false"` (webhook payloads send strings). */
const flag = z.union([z.boolean(), z.enum(["true", "false"]).transform((v) => v === "true")]);

export const sourceGroup = z.object({
  key: text.min(1),
  name: text.min(1),
  slug: text.nullish(),
});

const groupRef = z.object({
  key: text.nullish(),
  slug: text.nullish(),
  name: text.nullish(),
});

const tag = z
  .union([text, z.object({ name: text })])
  .transform((t) => (typeof t === "string" ? t : t.name));

export const sourcePartnership = z
  .object({
    key: text.nullish(),
    partner_key: text.nullish(),
    email: text.nullish(),
    first_name: text.nullish(),
    last_name: text.nullish(),
    group: groupRef.nullish(),
    tags: z.array(tag).max(500).nullish(),
    manager_email: text.nullish(),
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
    key: text.nullish(),
    customer_key: text.nullish(),
    email: text.nullish(),
    name: text.nullish(),
    partner_key: text.nullish(),
    partnership_key: text.nullish(),
    meta: z.record(z.string(), z.unknown()).nullish(),
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
  key: text.min(1),
  type: text.min(1).max(100),
  value: z.number().int().min(1).max(2_147_483_647),
  archived: flag.nullish(),
  partnership_key: text.min(1),
  customer: z.object({ key: text.min(1) }).nullish(),
  occurred_at: ms.nullish(),
  created_at: ms,
  updated_at: ms.nullish(),
});

export const sourceReward = z.object({
  key: text.min(1),
  amount: z.number().int().min(0).max(2_147_483_647),
  currency: text.nullish(),
  status: z.enum(["pending", "approved", "declined", "paid"]).catch("pending"),
  archived: flag.nullish(),
  action_key: text.nullish(),
  partnership_key: text.nullish(),
  created_at: ms.nullish(),
});

export type SourceGroup = z.output<typeof sourceGroup>;
export type SourcePartnership = z.output<typeof sourcePartnership>;
export type SourceCustomer = z.output<typeof sourceCustomer>;
export type SourceAction = z.output<typeof sourceAction>;
export type SourceReward = z.output<typeof sourceReward>;
