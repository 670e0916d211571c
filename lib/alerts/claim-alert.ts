import "server-only";
import type { PrismaClient } from "../generated/prisma/client";
import { SENDING_LEASE_MS } from "../deliveries/claim-delivery";

export interface ClaimedAlert {
  programId: number;
  id: number;
  /** The due check this process took: finishing moves it on only if it is still this one. */
  nextCheckAt: Date;
}

/**
 * How long a check may take before another process may take it over (this one died): the
 * deliveries' lease (DELIVERY_LEASE_SECONDS sets both).
 */
export const CHECKING_LEASE_MS = SENDING_LEASE_MS;

/**
 * Takes one alert whose check is due and that no live process is checking. One statement with
 * FOR UPDATE SKIP LOCKED, as deliveries are claimed: two processes never take the same alert.
 */
export async function claimAlert(
  prisma: PrismaClient,
  now: Date,
  leaseMs = CHECKING_LEASE_MS,
): Promise<ClaimedAlert | null> {
  const lease = new Date(now.getTime() + leaseMs);
  const rows = await prisma.$queryRaw<{ program_id: number; id: number; next_check_at: Date }[]>`
    UPDATE alerts a SET checking_until = ${lease}
    FROM (
      SELECT program_id, id FROM alerts
      WHERE next_check_at <= ${now} AND (checking_until IS NULL OR checking_until <= ${now})
      ORDER BY next_check_at, id LIMIT 1
      FOR UPDATE SKIP LOCKED
    ) due
    WHERE a.program_id = due.program_id AND a.id = due.id
    RETURNING a.program_id, a.id, a.next_check_at`;
  const row = rows[0];
  return row ? { programId: row.program_id, id: row.id, nextCheckAt: row.next_check_at } : null;
}
