import "server-only";
import { recordAudit, type AuditActor } from "../audit/record-audit";
import type { PrismaClient } from "../generated/prisma/client";

/**
 * Revokes a key of this program, with its audit entry; revoking twice keeps the first revocation
 * time and writes no second entry.
 */
export async function revokeApiKey(
  prisma: PrismaClient,
  programId: number,
  id: number,
  actor: AuditActor,
): Promise<boolean> {
  return prisma.$transaction(async (tx) => {
    const [key] = await tx.apiKey.updateManyAndReturn({
      where: { programId, id, revokedAt: null },
      data: { revokedAt: new Date() },
      select: { id: true, label: true, mode: true, publicKey: true },
    });
    if (!key) return false;
    await recordAudit(tx, {
      programId,
      actor,
      kind: "api_keys.revoked",
      summary: `Revoked API key “${key.label}”`,
      details: { keyId: key.id, label: key.label, mode: key.mode, publicKey: key.publicKey },
    });
    return true;
  });
}
