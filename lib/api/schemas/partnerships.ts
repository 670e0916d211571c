import { z } from "zod";
import { emailAddress, epochMs, externalKey, inputTime, storable } from "./common";
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
  group: externalKey.meta({ description: "Group key" }),
  tags: z.array(tagName).max(50, "at most 50 tags").optional(),
  manager_email: emailAddress
    .nullable()
    .optional()
    .meta({ description: "Email of the program member who manages this partner" }),
  is_marketplace: z.boolean("must be true or false").optional(),
  joined_at: inputTime.optional(),
};

export const createPartnershipSchema = z.object({
  partner_key: externalKey,
  ...partnershipFields,
});

export const updatePartnershipSchema = updateBody({
  ...partnershipFields,
  archived: z.boolean("must be true or false"),
});

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
