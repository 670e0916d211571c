import "server-only";
import type { PrismaClient } from "../generated/prisma/client";

export interface ClaimedDelivery {
  programId: number;
  id: number;
  /** A schedule's sending, or an alert's message (the other is null). */
  scheduleId: number | null;
  alertId: number | null;
  /** This attempt's number: finishing checks it, so a taken-over attempt cannot overwrite. */
  attempts: number;
  /** Recipients already sent to by an earlier attempt (not sent again). */
  recipients: string[];
}

/** How long a process may take to send before another may take the delivery over. */
export const SENDING_LEASE_MS = 10 * 60_000;

/**
 * Takes one due delivery for this process: pending or retrying and due, or sending with its
 * lease run out (its process died). One statement with FOR UPDATE SKIP LOCKED: two processes
 * never take the same row, and a row already taken reads as no longer due.
 */
export async function claimDelivery(
  prisma: PrismaClient,
  now: Date,
  leaseMs = SENDING_LEASE_MS,
): Promise<ClaimedDelivery | null> {
  const lease = new Date(now.getTime() + leaseMs);
  const rows = await prisma.$queryRaw<
    {
      program_id: number;
      id: number;
      schedule_id: number | null;
      alert_id: number | null;
      attempts: number;
      recipients: string[];
    }[]
  >`
    UPDATE deliveries d SET status = 'sending', attempts = d.attempts + 1, locked_until = ${lease}
    FROM (
      SELECT program_id, id FROM deliveries
      WHERE (status IN ('pending', 'retrying') AND next_attempt_at <= ${now})
         OR (status = 'sending' AND locked_until <= ${now})
      ORDER BY next_attempt_at, id LIMIT 1
      FOR UPDATE SKIP LOCKED
    ) due
    WHERE d.program_id = due.program_id AND d.id = due.id
    RETURNING d.program_id, d.id, d.schedule_id, d.alert_id, d.attempts, d.recipients`;
  const row = rows[0];
  return row
    ? {
        programId: row.program_id,
        id: row.id,
        scheduleId: row.schedule_id,
        alertId: row.alert_id,
        attempts: row.attempts,
        recipients: row.recipients ?? [],
      }
    : null;
}
