// GET|PATCH|DELETE /api/v2/customers/{customer_key} — read, update or archive one customer
import { apiResponse } from "@/lib/api/envelope";
import { getRoute, updateRoute } from "@/lib/api/keyed-record-routes";
import { updateCustomerSchema } from "@/lib/schemas/customers";
import { withApiKey } from "@/lib/api/with-api-key";
import { archiveCustomer } from "@/lib/customers/archive-customer";
import { customerRecord } from "@/lib/customers/customer-record";
import { updateCustomer } from "@/lib/customers/update-customer";

export const GET = getRoute(customerRecord);

export const PATCH = updateRoute(customerRecord, updateCustomerSchema, updateCustomer);

export const DELETE = withApiKey<{ customer_key: string }>(
  async ({ prisma, program, params, note }) => {
    note.message = `Archived customer ${params.customer_key}`;
    return apiResponse(
      await archiveCustomer(prisma, program.id, params.customer_key),
      "Customer archived",
    );
  },
);
