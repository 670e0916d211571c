import "server-only";
import { recordAudit, type AuditActor } from "../audit/record-audit";
import type { PrismaClient } from "../generated/prisma/client";
import { generateApiKeyPair, hashSecret } from "./api-key-secrets";

/**
 * Creates a key pair, with its audit entry. The secret is returned this once and stored only as a
 * hash (the entry names the key by label and public key, never the secret).
 */
export async function createApiKey(
  prisma: PrismaClient,
  programId: number,
  label: string,
  mode: "live" | "test",
  actor: AuditActor,
) {
  const { publicKey, secret } = generateApiKeyPair(mode);
  const key = await prisma.$transaction(async (tx) => {
    const created = await tx.apiKey.create({
      data: { programId, label, mode, publicKey, secretHash: hashSecret(secret) },
      select: { id: true, label: true, mode: true, publicKey: true, createdAt: true },
    });
    await recordAudit(tx, {
      programId,
      actor,
      kind: "api_keys.created",
      summary: `Created ${mode} API key “${label}”`,
      details: { keyId: created.id, label, mode, publicKey },
    });
    return created;
  });
  return { ...key, secret };
}
