import { Prisma } from "../generated/prisma/client";
import type { KeyedRecord } from "../api/keyed-record";
import type { CustomerOutput } from "../schemas/customers";

const FROM = Prisma.sql`customers c
  JOIN partnerships p ON p.program_id = c.program_id AND p.id = c.partnership_id`;

interface CustomerRow {
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

/** Customers, by customer_key, with the partner_key of the partnership they are attributed to. */
export const customerRecord: KeyedRecord<CustomerRow, CustomerOutput, "customer_key"> = {
  noun: "customer",
  alias: "c",
  key: "customer_key",
  from: FROM,
  select: Prisma.sql`
  SELECT c.id, c.customer_key, c.email, c.name, c.meta, c.archived_at, c.created_at, c.updated_at,
         p.partner_key
  FROM ${FROM}`,
  listFilters: { partner_key: "p.partner_key" },
  fields: (row) => ({
    email: row.email,
    name: row.name,
    partner_key: row.partner_key,
    meta: row.meta ?? {},
    archived: row.archived_at !== null,
  }),
};
