import "server-only";
import { keysetList } from "../api/keyset-page";
import type { ListPartnershipsQuery } from "../api/schemas/partnerships";
import { Prisma, type PrismaClient } from "../generated/prisma/client";
import { PARTNERSHIP_SELECT, toPartnershipOutput, type PartnershipRow } from "./partnership-record";

export async function listPartnerships(
  prisma: PrismaClient,
  programId: number,
  q: ListPartnershipsQuery,
) {
  const parts = [Prisma.sql`p.program_id = ${programId}`];
  if (!q.include_archived) parts.push(Prisma.sql`p.archived_at IS NULL`);
  if (q.group) parts.push(Prisma.sql`g.key = ${q.group}`);
  const where = Prisma.join(parts, " AND ");
  const { items, has_more, total } = await keysetList<PartnershipRow>(prisma, q, {
    alias: "p",
    descending: true,
    find: (partnerKey) =>
      prisma.partnership.findUnique({
        where: { programId_partnerKey: { programId, partnerKey } },
        select: { createdAt: true, id: true },
      }),
    select: PARTNERSHIP_SELECT,
    where,
    count: Prisma.sql`SELECT count(*) AS total FROM partnerships p
      JOIN groups g ON g.program_id = p.program_id AND g.id = p.group_id WHERE ${where}`,
  });
  return { items: items.map(toPartnershipOutput), has_more, total };
}
