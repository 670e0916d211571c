import "server-only";
import { finishPage, keysetFragments, resolveCursor } from "../api/keyset-page";
import type { ListCustomersQuery } from "../api/schemas/customers";
import { Prisma, type PrismaClient } from "../generated/prisma/client";
import { CUSTOMER_SELECT, toCustomerOutput, type CustomerRow } from "./customer-record";

export async function listCustomers(
  prisma: PrismaClient,
  programId: number,
  q: ListCustomersQuery,
) {
  const cursor = await resolveCursor(q, (customerKey) =>
    prisma.customer.findUnique({
      where: { programId_customerKey: { programId, customerKey } },
      select: { createdAt: true, id: true },
    }),
  );
  const parts = [Prisma.sql`c.program_id = ${programId}`];
  if (!q.include_archived) parts.push(Prisma.sql`c.archived_at IS NULL`);
  if (q.partner_key) parts.push(Prisma.sql`p.partner_key = ${q.partner_key}`);
  const where = Prisma.join(parts, " AND ");
  const page = keysetFragments("c", { ...q, descending: true }, cursor);
  const [rows, [{ total }]] = await Promise.all([
    prisma.$queryRaw<
      CustomerRow[]
    >`${CUSTOMER_SELECT} WHERE ${where} ${page.where} ${page.order} ${page.limit}`,
    prisma.$queryRaw<{ total: bigint }[]>`SELECT count(*) AS total FROM customers c
      JOIN partnerships p ON p.program_id = c.program_id AND p.id = c.partnership_id WHERE ${where}`,
  ]);
  const { items, has_more } = finishPage(rows, q.limit, page.backward);
  return { items: items.map(toCustomerOutput), has_more, total: Number(total) };
}
