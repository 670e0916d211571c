import "server-only";
import { randomBytes } from "node:crypto";
import type { PrismaClient } from "../generated/prisma/client";
import { encryptionKeyFrom, seal, unseal } from "../security/sealed-secret";

// A webhook schedule's Standard Webhooks signing secret (`whsec_` and 32 random bytes, base64) is
// kept sealed under ACTIONBOARD_ENCRYPTION_KEY, like a PartnerStack secret key. Schedules made
// before that keep theirs in the clear (`whsec_…`) until a server with the key seals them.

/** A new secret, sealed (throws MissingEncryptionKeyError without the key). */
export function newSealedWebhookSecret(): string {
  return seal(`whsec_${randomBytes(32).toString("base64")}`);
}

/** The secret to sign with and show: sealed ones opened, an old clear one as it is. */
export function openWebhookSecret(stored: string): string {
  return stored.startsWith("whsec_") ? stored : unseal(stored);
}

/** Seals every secret still in the clear; a no-op without the key. Returns how many it sealed. */
export async function sealClearWebhookSecrets(prisma: PrismaClient): Promise<number> {
  if (!encryptionKeyFrom()) return 0;
  const clear = await prisma.deliverySchedule.findMany({
    where: { webhookSecret: { startsWith: "whsec_" } },
    select: { programId: true, id: true, webhookSecret: true },
  });
  for (const row of clear) {
    await prisma.deliverySchedule.updateMany({
      where: { programId: row.programId, id: row.id, webhookSecret: row.webhookSecret },
      data: { webhookSecret: seal(row.webhookSecret!) },
    });
  }
  return clear.length;
}
