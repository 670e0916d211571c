import { z } from "zod";
import {
  actionOutput,
  batchSchema,
  createActionSchema,
  listActionsQuery,
} from "../api/schemas/actions";
import { fieldWarning, listEnvelope } from "../api/schemas/common";
import {
  createCustomerSchema,
  customerOutput,
  listCustomersQuery,
  updateCustomerSchema,
} from "../api/schemas/customers";
import {
  createPartnershipSchema,
  listPartnershipsQuery,
  partnershipOutput,
  updatePartnershipSchema,
} from "../api/schemas/partnerships";
import { groupOutput, listRewardsQuery, rewardOutput } from "../api/schemas/rewards";

export interface Endpoint {
  method: "get" | "post" | "patch" | "delete";
  path: string;
  summary: string;
  description?: string;
  pathParams?: string[];
  query?: z.ZodType;
  body?: z.ZodType;
  response: z.ZodType;
  errors: number[];
}

const batchResult = z.object({
  results: z.array(
    z.object({
      index: z.int(),
      status: z.int(),
      replayed: z.boolean().optional(),
      data: actionOutput.optional(),
      message: z.string().optional(),
      errors: z.array(z.object({ field: z.string(), message: z.string() })).optional(),
      warnings: z.array(fieldWarning).optional(),
    }),
  ),
  accepted: z.int(),
  rejected: z.int(),
});

const write = [400, 401, 404, 409, 413, 415, 422];

/** Every public endpoint, described by the same zod schemas that validate it. */
export const ENDPOINTS: Endpoint[] = [
  {
    method: "post",
    path: "/api/v2/actions",
    summary: "Record an action",
    description:
      "Resolves the target, stores the action and evaluates reward rules in one transaction. Idempotent on `key` (PartnerStack clients send it as `external_key`; either name, or both with the same value) or the `Idempotency-Key` header: a retry with the same body returns the stored action; a different body is a 409.",
    body: createActionSchema,
    response: actionOutput,
    errors: write,
  },
  {
    method: "get",
    path: "/api/v2/actions",
    summary: "List actions",
    description: "Newest first by default; keyset-paged with `starting_after` / `ending_before`.",
    query: listActionsQuery,
    response: listEnvelope(actionOutput),
    errors: [401, 404, 422],
  },
  {
    method: "delete",
    path: "/api/v2/actions/{key}",
    summary: "Archive an action and its rewards",
    pathParams: ["key"],
    response: actionOutput,
    errors: [401, 404],
  },
  {
    method: "post",
    path: "/api/v2/actions/batch",
    summary: "Record up to 1,000 actions",
    description:
      "Each record succeeds or fails on its own, as if sent one after another, with the status, errors and warnings a single POST would give (fields named `actions.<index>.<field>`); results come back in request order, and the envelope's `warnings` lists every record's. Within a batch the first accepted record of a key is stored and later ones replay it or conflict with it. Accepted records are stored in one transaction: after a 500, none of them was stored.",
    body: batchSchema,
    response: batchResult,
    errors: [400, 401, 413, 415, 422],
  },
  {
    method: "post",
    path: "/api/v2/customers",
    summary: "Create a customer",
    body: createCustomerSchema,
    response: customerOutput,
    errors: write,
  },
  {
    method: "get",
    path: "/api/v2/customers",
    summary: "List customers",
    query: listCustomersQuery,
    response: listEnvelope(customerOutput),
    errors: [401, 404, 422],
  },
  {
    method: "get",
    path: "/api/v2/customers/{customer_key}",
    summary: "Get a customer",
    pathParams: ["customer_key"],
    response: customerOutput,
    errors: [401, 404],
  },
  {
    method: "patch",
    path: "/api/v2/customers/{customer_key}",
    summary: "Update a customer",
    pathParams: ["customer_key"],
    body: updateCustomerSchema,
    response: customerOutput,
    errors: write,
  },
  {
    method: "delete",
    path: "/api/v2/customers/{customer_key}",
    summary: "Archive a customer",
    pathParams: ["customer_key"],
    response: customerOutput,
    errors: [401, 404],
  },
  {
    method: "post",
    path: "/api/v2/partnerships",
    summary: "Create a partnership",
    body: createPartnershipSchema,
    response: partnershipOutput,
    errors: write,
  },
  {
    method: "get",
    path: "/api/v2/partnerships",
    summary: "List partnerships",
    query: listPartnershipsQuery,
    response: listEnvelope(partnershipOutput),
    errors: [401, 404, 422],
  },
  {
    method: "get",
    path: "/api/v2/partnerships/{partner_key}",
    summary: "Get a partnership",
    pathParams: ["partner_key"],
    response: partnershipOutput,
    errors: [401, 404],
  },
  {
    method: "patch",
    path: "/api/v2/partnerships/{partner_key}",
    summary: "Update or archive a partnership",
    pathParams: ["partner_key"],
    body: updatePartnershipSchema,
    response: partnershipOutput,
    errors: write,
  },
  {
    method: "get",
    path: "/api/v2/groups",
    summary: "List groups",
    response: listEnvelope(groupOutput),
    errors: [401],
  },
  {
    method: "get",
    path: "/api/v2/rewards",
    summary: "List rewards",
    query: listRewardsQuery,
    response: listEnvelope(rewardOutput),
    errors: [401, 404, 422],
  },
];
