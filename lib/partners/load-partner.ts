import "server-only";
import type { OpenDatabase } from "../db/open";
import { loadPartnerAttributes, type PartnerAttributes } from "./partner-list";

/** A program's partnership by its key, with the directory's attributes; null when unknown. */
export async function findPartner(
  db: OpenDatabase,
  programId: number,
  partnerKey: string,
): Promise<PartnerAttributes | null> {
  const row = await db.prisma.partnership.findUnique({
    where: { programId_partnerKey: { programId, partnerKey } },
    select: { id: true },
  });
  if (!row) return null;
  return (await loadPartnerAttributes(db, programId, [row.id])).get(row.id) ?? null;
}

export const REFERRED_PAGE = 50;

/** The customers a partnership referred, newest first (the first page), and how many in all. */
export async function referredCustomers(
  db: OpenDatabase,
  programId: number,
  partnershipId: number,
) {
  const where = { programId, partnershipId, archivedAt: null };
  const [customers, total] = await Promise.all([
    db.prisma.customer.findMany({
      where,
      select: { customerKey: true, email: true, name: true, createdAt: true },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: REFERRED_PAGE,
    }),
    db.prisma.customer.count({ where }),
  ]);
  return { customers, total };
}
