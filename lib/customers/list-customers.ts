import "server-only";
import { listKeyedRecords } from "../api/keyed-record";
import type { ListCustomersQuery } from "../api/schemas/customers";
import { Prisma, type PrismaClient } from "../generated/prisma/client";
import { customerRecord } from "./customer-record";

export async function listCustomers(
  prisma: PrismaClient,
  programId: number,
  q: ListCustomersQuery,
) {
  const filters = q.partner_key ? [Prisma.sql`p.partner_key = ${q.partner_key}`] : [];
  return listKeyedRecords(prisma, customerRecord, programId, q, filters);
}
