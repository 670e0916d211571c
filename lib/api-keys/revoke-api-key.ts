import "server-only";
import { recordAudit, type AuditActor } from "../audit/record-audit";
import type { PrismaClient } from "../generated/prisma/client";
import { forgetApiKey } from "./cached-api-keys";

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
  const revoked = await prisma.$transaction(async (tx) => {
    const [key] = await tx.apiKey.updateManyAndReturn({
      where: { programId, id, revokedAt: null },
      data: { revokedAt: new Date() },
      select: { id: true, label: true, mode: true, publicKey: true },
    });
    if (!key) return false as const;
    await recordAudit(tx, {
      programId,
      actor,
      kind: "api_keys.revoked",
      summary: `Revoked API key “${key.label}”`,
      details: { keyId: key.id, label: key.label, mode: key.mode, publicKey: key.publicKey },
    });
    return key.publicKey;
  });
  // Other processes trust their cached copy for up to API_KEY_CACHE_SECONDS.
  if (revoked) forgetApiKey(prisma, revoked);
  return revoked !== false;
}
