import "server-only";
import type { PrismaClient } from "../generated/prisma/client";

export interface WaitingManager {
  email: string;
  /** Partnerships the source gives this manager, waiting for them to join. */
  partnerships: number;
  /** An open, unexpired invitation to this program exists for the address. */
  invited: boolean;
}

/**
 * Managers the PartnerStack source named who are not members of the program yet, with how many
 * partnerships wait for each (assigned when they join).
 */
export async function listWaitingManagers(
  prisma: PrismaClient,
  programId: number,
): Promise<WaitingManager[]> {
  return prisma.$queryRaw<WaitingManager[]>`
    SELECT p.pending_manager_email AS email, count(*)::int AS partnerships,
      EXISTS (
        SELECT 1 FROM invitations i
        WHERE i.program_id = ${programId} AND lower(i.email) = p.pending_manager_email
          AND i.accepted_at IS NULL AND i.revoked_at IS NULL AND i.expires_at > now()
      ) AS invited
    FROM partnerships p
    WHERE p.program_id = ${programId} AND p.pending_manager_email IS NOT NULL
    GROUP BY p.pending_manager_email
    ORDER BY partnerships DESC, email`;
}
