import { z } from "zod";
import { emailAddress, externalKey, storable, storableJsonObject } from "../validation/fields";
import { archivableListQuery, keyedOutput, updateBody } from "./keyed-record";

/** A customer's name (the API's rule, and PartnerStack webhooks' and imports'). */
export const customerName = storable(z.string().trim().max(255, "must be at most 255 characters"));

const customerFields = {
  partner_key: externalKey.meta({ description: "The partnership this customer is attributed to" }),
  email: emailAddress.nullable().optional(),
  name: customerName.nullable().optional(),
  meta: storableJsonObject.optional(),
};

export const createCustomerSchema = z.object({
  customer_key: externalKey,
  ...customerFields,
});

export const updateCustomerSchema = updateBody(customerFields);

export const listCustomersQuery = archivableListQuery({ partner_key: externalKey.optional() });

export const customerOutput = keyedOutput("customer_key", {
  email: z.string().nullable(),
  name: z.string().nullable(),
  partner_key: z.string(),
  meta: z.record(z.string(), z.unknown()),
  archived: z.boolean(),
});

export type CreateCustomerInput = z.output<typeof createCustomerSchema>;
export type UpdateCustomerInput = z.output<typeof updateCustomerSchema>;
export type CustomerOutput = z.output<typeof customerOutput>;
