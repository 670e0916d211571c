import "server-only";
import { Prisma } from "../generated/prisma/client";
import type { CreateActionInput } from "../schemas/actions";
import type { ResolvedTarget } from "./ingest-types";

export interface TargetRow {
  target_type: "customer" | "partnership";
  target_key: string;
  customer_id: number | null;
  customer_email: string | null;
  customer_name: string | null;
  customer_archived: boolean;
  partnership_id: number;
  group_id: number;
  partner_key: string;
  partnership_archived: boolean;
}

const keysOf = (inputs: CreateActionInput[], type: CreateActionInput["target_type"]) => [
  ...new Set(inputs.filter((i) => i.target_type === type).map((i) => i.target_key)),
];

/**
 * Every customer (with its partnership) and partnership the actions name. Archived ones are
 * returned too: the plan tells them apart from unknown keys.
 */
export const targetsQuery = (programId: number, inputs: CreateActionInput[]) => Prisma.sql`
  SELECT 'customer' AS target_type, c.customer_key AS target_key, c.id AS customer_id,
         c.email AS customer_email, c.name AS customer_name,
         c.archived_at IS NOT NULL AS customer_archived, p.id AS partnership_id, p.group_id,
         p.partner_key, p.archived_at IS NOT NULL AS partnership_archived
  FROM customers c
  JOIN partnerships p ON p.program_id = c.program_id AND p.id = c.partnership_id
  WHERE c.program_id = ${programId} AND c.customer_key = ANY(${keysOf(inputs, "customer")}::text[])
  UNION ALL
  SELECT 'partnership', p.partner_key, NULL, NULL, NULL, false, p.id, p.group_id,
         p.partner_key, p.archived_at IS NOT NULL
  FROM partnerships p
  WHERE p.program_id = ${programId} AND p.partner_key = ANY(${keysOf(inputs, "partnership")}::text[])`;

/** The rows of `targetsQuery` as customers and partnerships by key. */
export function targetsFromRows(rows: TargetRow[]): {
  customers: Map<string, ResolvedTarget>;
  partnerships: Map<string, ResolvedTarget>;
} {
  const customers = new Map<string, ResolvedTarget>();
  const partnerships = new Map<string, ResolvedTarget>();
  for (const row of rows) {
    const partnership = {
      id: row.partnership_id,
      key: row.partner_key,
      groupId: row.group_id,
      archived: row.partnership_archived,
    };
    if (row.target_type === "partnership") {
      partnerships.set(row.target_key, { customer: null, partnership });
      continue;
    }
    const customer = {
      id: row.customer_id!,
      key: row.target_key,
      email: row.customer_email,
      name: row.customer_name,
      archived: row.customer_archived,
    };
    customers.set(row.target_key, { customer, partnership });
  }
  return { customers, partnerships };
}
