// GET /api/v2/customers — list customers, cursor-paged
// POST /api/v2/customers — create a customer attributed to a partnership
import { createRoute, listRoute } from "@/lib/api/keyed-record-routes";
import { createCustomerSchema, listCustomersQuery } from "@/lib/schemas/customers";
import { createCustomer } from "@/lib/customers/create-customer";
import { customerRecord } from "@/lib/customers/customer-record";

export const GET = listRoute(customerRecord, listCustomersQuery);

export const POST = createRoute(customerRecord, createCustomerSchema, createCustomer);
