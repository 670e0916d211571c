import { Prisma } from "../generated/prisma/client";
import type { CustomerOutput } from "../api/schemas/customers";

export const CUSTOMER_SELECT = Prisma.sql`
  SELECT c.id, c.customer_key, c.email, c.name, c.meta, c.archived_at, c.created_at, c.updated_at,
         p.partner_key
  FROM customers c
  JOIN partnerships p ON p.program_id = c.program_id AND p.id = c.partnership_id`;

export interface CustomerRow {
  id: number;
  customer_key: string;
  email: string | null;
  name: string | null;
  meta: Record<string, unknown>;
  archived_at: Date | null;
  created_at: Date;
  updated_at: Date;
  partner_key: string;
}

export function toCustomerOutput(row: CustomerRow): CustomerOutput {
  return {
    key: row.customer_key,
    customer_key: row.customer_key,
    email: row.email,
    name: row.name,
    partner_key: row.partner_key,
    meta: row.meta ?? {},
    archived: row.archived_at !== null,
    created_at: row.created_at.getTime(),
    updated_at: row.updated_at.getTime(),
  };
}
