import { z } from "zod";
import {
  booleanQuery,
  cursorQuery,
  epochMs,
  exclusiveCursors,
  externalKey,
  limitQuery,
  storable,
  storableJsonObject,
} from "./common";

const customerFields = {
  partner_key: externalKey.meta({ description: "The partnership this customer is attributed to" }),
  email: z.email("must be an email address").max(320).nullable().optional(),
  name: storable(z.string().trim().max(255, "must be at most 255 characters"))
    .nullable()
    .optional(),
  meta: storableJsonObject.optional(),
};

export const createCustomerSchema = z.strictObject({
  customer_key: externalKey,
  ...customerFields,
});

export const updateCustomerSchema = z
  .strictObject(customerFields)
  .partial()
  .refine((v) => Object.keys(v).length > 0, { message: "send at least one field to change" });

export const listCustomersQuery = z
  .strictObject({
    partner_key: externalKey.optional(),
    include_archived: booleanQuery.default(false),
    limit: limitQuery,
    ...cursorQuery,
  })
  .superRefine(exclusiveCursors);

export const customerOutput = z.object({
  key: z.string(),
  customer_key: z.string(),
  email: z.string().nullable(),
  name: z.string().nullable(),
  partner_key: z.string(),
  meta: z.record(z.string(), z.unknown()),
  archived: z.boolean(),
  created_at: epochMs,
  updated_at: epochMs,
});

export type CreateCustomerInput = z.output<typeof createCustomerSchema>;
export type UpdateCustomerInput = z.output<typeof updateCustomerSchema>;
export type ListCustomersQuery = z.output<typeof listCustomersQuery>;
export type CustomerOutput = z.output<typeof customerOutput>;
