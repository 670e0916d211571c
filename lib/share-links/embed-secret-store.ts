import "server-only";
import type { PrismaClient } from "../generated/prisma/client";
import { encryptionKeyFrom, seal, unseal } from "../security/sealed-secret";

// A program's embed secret (`emb_` + 32 random bytes, base64url) is stored sealed under
// ACTIONBOARD_ENCRYPTION_KEY when the server has it (as webhook and PartnerStack secrets are), in
// the clear otherwise: embedding works either way, and a database dump alone does not sign URLs
// on servers that have the key.

/** What to store for a new secret. */
export function storedEmbedSecret(secret: string): string {
  return encryptionKeyFrom() ? seal(secret) : secret;
}

/** The secret to sign with and show; null when it was sealed under another key (replace it). */
export function openedEmbedSecret(stored: string | null): string | null {
  if (stored === null || stored.startsWith("emb_")) return stored;
  try {
    return unseal(stored);
  } catch {
    return null;
  }
}

/**
 * Seals every embed secret still in the clear (made before the server had its key, or by an
 * earlier version); a no-op without the key. Returns how many it sealed.
 */
export async function sealClearEmbedSecrets(prisma: PrismaClient): Promise<number> {
  if (!encryptionKeyFrom()) return 0;
  const clear = await prisma.program.findMany({
    where: { embedSecret: { startsWith: "emb_" } },
    select: { id: true, embedSecret: true },
  });
  for (const row of clear) {
    await prisma.program.updateMany({
      where: { id: row.id, embedSecret: row.embedSecret },
      data: { embedSecret: seal(row.embedSecret!) },
    });
  }
  return clear.length;
}
