import "server-only";
import type { OpenDatabase } from "../../db/open";
import type { InstantRange } from "../timeframe/resolve-timeframe";
import { occurredWithin } from "./matching-actions";

export interface RewardsByStatus {
  status: string;
  rewards: number;
  amountCents: number;
}

/**
 * A partnership's rewards (not archived) by status, for actions that occurred in the range —
 * the instants the Actions tab counts rewards by.
 */
export async function pgRewardsByStatus(
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
