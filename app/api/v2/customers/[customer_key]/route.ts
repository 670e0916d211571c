// GET|PATCH|DELETE /api/v2/customers/{customer_key} — read, update or archive one customer
import { apiResponse } from "@/lib/api/envelope";
import { parseInput } from "@/lib/api/parse-input";
import { readJsonBody } from "@/lib/api/read-json-body";
import { updateCustomerSchema } from "@/lib/api/schemas/customers";
import { withApiKey } from "@/lib/api/with-api-key";
import { archiveCustomer } from "@/lib/customers/archive-customer";
import { getCustomer } from "@/lib/customers/get-customer";
import { updateCustomer } from "@/lib/customers/update-customer";

type Params = { customer_key: string };

export const GET = withApiKey<Params>(async ({ prisma, program, params }) =>
  apiResponse(await getCustomer(prisma, program.id, params.customer_key)),
);

export const PATCH = withApiKey<Params>(async ({ prisma, program, params, request, note }) => {
  const input = parseInput(updateCustomerSchema, await readJsonBody(request));
  note.message = `Updated customer ${params.customer_key}`;
  return apiResponse(
    await updateCustomer(prisma, program.id, params.customer_key, input),
    "Customer updated",
  );
});

export const DELETE = withApiKey<Params>(async ({ prisma, program, params, note }) => {
  note.message = `Archived customer ${params.customer_key}`;
  return apiResponse(
    await archiveCustomer(prisma, program.id, params.customer_key),
    "Customer archived",
  );
});
