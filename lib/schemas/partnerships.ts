import { z } from "zod";
import { emailAddress, externalKey, storable } from "../validation/fields";
import { epochMs, inputTime } from "../validation/times";
import { archivableListQuery, keyedOutput, updateBody } from "./keyed-record";

/** A partner's first or last name (the API's rule, and PartnerStack webhooks' and imports'). */
export const partnerName = storable(
  z.string().trim().min(1, "must not be empty").max(100, "must be at most 100 characters"),
);
export const tagName = storable(
  z.string().trim().min(1, "must not be empty").max(50, "must be at most 50 characters"),
);

const partnershipFields = {
  email: emailAddress,
  first_name: partnerName,
  last_name: partnerName,
  group: externalKey.optional().meta({
    description:
      'Group key. A new partnership without one joins the program\'s default group (key "default"); a program without one (e.g. imported from PartnerStack) refuses it with a 422 naming group_key. Archived groups take no new partnerships.',
  }),
  group_key: externalKey.optional().meta({
    description:
      "The same as `group`, under the name PartnerStack's API clients send. Send either; when both are sent they must be equal.",
  }),
  tags: z.array(tagName).max(50, "at most 50 tags").optional().meta({
    description:
      "Tag names (an update replaces the set); new names are created. Archived tags cannot be newly assigned; one the partnership has may stay.",
  }),
  manager_email: emailAddress
    .nullable()
    .optional()
    .meta({ description: "Email of the program member who manages this partner" }),
  is_marketplace: z.boolean("must be true or false").optional(),
  joined_at: inputTime.optional(),
};

/** `group` and `group_key` name the same thing: both sent and different is a 422. */
function oneGroup(value: { group?: string; group_key?: string }, ctx: z.RefinementCtx) {
  if (value.group !== undefined && value.group_key !== undefined && value.group !== value.group_key)
    ctx.addIssue({
      code: "custom",
      path: ["group_key"],
      message: `group ${JSON.stringify(value.group)} and group_key ${JSON.stringify(value.group_key)} differ: send one of them, or the same value in both`,
    });
}

export const createPartnershipSchema = z
  .object({ partner_key: externalKey, ...partnershipFields })
  .superRefine(oneGroup);

export const updatePartnershipSchema = updateBody({
  ...partnershipFields,
  archived: z.boolean("must be true or false"),
}).superRefine(oneGroup);

export const listPartnershipsQuery = archivableListQuery({ group: externalKey.optional() });

export const partnershipOutput = keyedOutput("partner_key", {
  email: z.string(),
  first_name: z.string(),
  last_name: z.string(),
  group: z.object({ key: z.string(), name: z.string() }),
  tags: z.array(z.string()),
  manager_email: z.string().nullable(),
  is_marketplace: z.boolean(),
  archived: z.boolean(),
  joined_at: epochMs,
});

export type CreatePartnershipInput = z.output<typeof createPartnershipSchema>;
export type UpdatePartnershipInput = z.output<typeof updatePartnershipSchema>;
export type PartnershipOutput = z.output<typeof partnershipOutput>;
