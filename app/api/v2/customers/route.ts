// GET /api/v2/customers — list customers, cursor-paged
// POST /api/v2/customers — create a customer attributed to a partnership
import { apiResponse } from "@/lib/api/envelope";
import { parseInput, searchParamsObject } from "@/lib/api/parse-input";
import { readJsonBody } from "@/lib/api/read-json-body";
import { createCustomerSchema, listCustomersQuery } from "@/lib/api/schemas/customers";
import { withApiKey } from "@/lib/api/with-api-key";
import { createCustomer } from "@/lib/customers/create-customer";
import { listCustomers } from "@/lib/customers/list-customers";

export const GET = withApiKey(async ({ prisma, program, url }) =>
  apiResponse(
    await listCustomers(
      prisma,
      program.id,
      parseInput(listCustomersQuery, searchParamsObject(url)),
    ),
  ),
);

export const POST = withApiKey(async ({ prisma, program, request, note }) => {
  const input = parseInput(createCustomerSchema, await readJsonBody(request));
  const customer = await createCustomer(prisma, program.id, input);
  note.message = `Created customer ${customer.customer_key}`;
  return apiResponse(customer, "Customer created");
});
