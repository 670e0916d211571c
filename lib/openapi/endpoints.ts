import { z } from "zod";
import {
  actionOutput,
  batchSchema,
  createActionSchema,
  listActionsQuery,
} from "../schemas/actions";
import { fieldWarning, listEnvelope } from "../schemas/common";
import {
  createCustomerSchema,
  customerOutput,
  listCustomersQuery,
  updateCustomerSchema,
} from "../schemas/customers";
import {
  createPartnershipSchema,
  listPartnershipsQuery,
  partnershipOutput,
  updatePartnershipSchema,
} from "../schemas/partnerships";
import { createGroupSchema, groupOutput, updateGroupSchema } from "../schemas/groups";
import { listRewardsQuery, rewardOutput } from "../schemas/rewards";
import { createTagSchema, tagOutput, updateTagSchema } from "../schemas/tags";
import { actionsReportOutput, reportActionsQuery } from "../reports/report-schema";

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
  /** Not in PartnerStack v2: marked `x-actionboard-extension` and said so in the description. */
  extension?: true;
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
    description:
      "Without `group` (or `group_key`) the partnership joins the program's default group, key `default`, which every program created in Actionboard starts with. A program without one (e.g. imported from PartnerStack) refuses such a body with a 422 naming `group_key`. An archived group or tag is refused with a 422 naming `group` (or `group_key`) or `tags`.",
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
    description: "Every group of the program, archived ones included (`archived: true`).",
    response: listEnvelope(groupOutput),
    errors: [401],
  },
  {
    method: "post",
    path: "/api/v2/groups",
    summary: "Create a group",
    description:
      "A key already used, or a name another group has (ignoring case), is a 409 naming the field.",
    body: createGroupSchema,
    response: groupOutput,
    errors: [400, 401, 409, 413, 415, 422],
    extension: true,
  },
  {
    method: "patch",
    path: "/api/v2/groups/{group_key}",
    summary: "Rename, archive or restore a group",
    description:
      "An archived group keeps its partnerships and their numbers but takes no new partnerships: creating one in it, or moving one into it, is a 422 naming `group` (or `group_key`).",
    pathParams: ["group_key"],
    body: updateGroupSchema,
    response: groupOutput,
    errors: write,
    extension: true,
  },
  {
    method: "get",
    path: "/api/v2/tags",
    summary: "List tags",
    description: "Every tag of the program by name, archived ones included (`archived: true`).",
    response: listEnvelope(tagOutput),
    errors: [401],
    extension: true,
  },
  {
    method: "post",
    path: "/api/v2/tags",
    summary: "Create a tag",
    description:
      "Tags are also created when a partnership names a new one. A name already used is a 409 naming `name`.",
    body: createTagSchema,
    response: tagOutput,
    errors: [400, 401, 409, 413, 415, 422],
    extension: true,
  },
  {
    method: "patch",
    path: "/api/v2/tags/{tag_name}",
    summary: "Rename, archive or restore a tag",
    description:
      "Tags are addressed by name (percent-encoded in the path). An archived tag stays on its partnerships and in filters but cannot be newly assigned: a partnership write naming it is a 422 naming `tags`. A new name another tag has is a 409.",
    pathParams: ["tag_name"],
    body: updateTagSchema,
    response: tagOutput,
    errors: write,
    extension: true,
  },
  {
    method: "get",
    path: "/api/v2/rewards",
    summary: "List rewards",
    query: listRewardsQuery,
    response: listEnvelope(rewardOutput),
    errors: [401, 404, 422],
  },
  {
    method: "get",
    path: "/api/v2/reports/actions",
    summary: "The Actions tab's numbers: tiles, chart series and table",
    description:
      "Takes the tab's own URL parameters (copy them from the tab's address: filters, `timeframe`, `timescale`, `compare`, `stack_by`, `rows_by`, `sort`, `dir`, `page`) and answers the numbers the tab shows for them, in the program's time zone: the five tiles (and the compared period's), the chart's series per bucket, and one page of the table (`limit` rows; `has_more` and `total` as in the lists). Unlike the tab, which drops a bad value with a notice, an unknown parameter, a malformed value or an id that names nothing in the program is a 422 naming it.",
    query: reportActionsQuery,
    response: actionsReportOutput,
    errors: [401, 422],
    extension: true,
  },
];
