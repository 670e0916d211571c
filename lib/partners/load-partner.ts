import "server-only";
import type { InstantRange } from "../actions-tab/resolve-timeframe";
import type { OpenDatabase } from "../db/open";
import { occurredWithin } from "../actions-tab/query/postgres/matching-actions";
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

export interface RewardsByStatus {
  status: string;
  rewards: number;
  amountCents: number;
}

/**
 * A partnership's rewards (not archived) by status, for actions that occurred in the range —
 * the instants the Actions tab counts rewards by.
 */
export async function rewardsByStatus(
  db: OpenDatabase,
  programId: number,
  partnershipId: number,
  range: InstantRange,
): Promise<RewardsByStatus[]> {
  const rows = await db.prisma.$queryRaw<
    { status: string; rewards: bigint; amount_cents: bigint | number }[]
  >`
    SELECT r.status::text AS status, count(*) AS rewards, sum(r.amount_cents) AS amount_cents
    FROM rewards r
    JOIN actions a ON a.program_id = r.program_id AND a.id = r.action_id
    WHERE r.program_id = ${programId} AND r.partnership_id = ${partnershipId}
      AND r.archived_at IS NULL AND a.archived_at IS NULL AND ${occurredWithin(range)}
    GROUP BY r.status ORDER BY r.status`;
  return rows.map((r) => ({
    status: r.status,
    rewards: Number(r.rewards),
    amountCents: Number(r.amount_cents),
  }));
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
