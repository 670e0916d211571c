import "server-only";
import { listKeyedRecords } from "../api/keyed-record";
import type { ListPartnershipsQuery } from "../api/schemas/partnerships";
import { Prisma, type PrismaClient } from "../generated/prisma/client";
import { partnershipRecord } from "./partnership-record";

export async function listPartnerships(
  prisma: PrismaClient,
  programId: number,
  q: ListPartnershipsQuery,
) {
  const filters = q.group ? [Prisma.sql`g.key = ${q.group}`] : [];
  return listKeyedRecords(prisma, partnershipRecord, programId, q, filters);
}
