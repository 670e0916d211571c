import "server-only";
import { keysetList } from "../api/keyset-page";
import type { ListCustomersQuery } from "../api/schemas/customers";
import { Prisma, type PrismaClient } from "../generated/prisma/client";
import { CUSTOMER_SELECT, toCustomerOutput, type CustomerRow } from "./customer-record";

export async function listCustomers(
  prisma: PrismaClient,
  programId: number,
  q: ListCustomersQuery,
) {
  const parts = [Prisma.sql`c.program_id = ${programId}`];
  if (!q.include_archived) parts.push(Prisma.sql`c.archived_at IS NULL`);
  if (q.partner_key) parts.push(Prisma.sql`p.partner_key = ${q.partner_key}`);
  const where = Prisma.join(parts, " AND ");
  const { items, has_more, total } = await keysetList<CustomerRow>(prisma, q, {
    alias: "c",
    descending: true,
    find: (customerKey) =>
      prisma.customer.findUnique({
        where: { programId_customerKey: { programId, customerKey } },
        select: { createdAt: true, id: true },
      }),
    select: CUSTOMER_SELECT,
    where,
    count: Prisma.sql`SELECT count(*) AS total FROM customers c
      JOIN partnerships p ON p.program_id = c.program_id AND p.id = c.partnership_id WHERE ${where}`,
  });
  return { items: items.map(toCustomerOutput), has_more, total };
}
