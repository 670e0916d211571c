import "server-only";
import type { PrismaClient } from "../generated/prisma/client";
import { generateApiKeyPair, hashSecret } from "./api-key-secrets";

/** Creates a key pair. The secret is returned this once and stored only as a hash. */
export async function createApiKey(
  prisma: PrismaClient,
  programId: number,
  label: string,
  mode: "live" | "test",
) {
  const { publicKey, secret } = generateApiKeyPair(mode);
  const key = await prisma.apiKey.create({
    data: { programId, label, mode, publicKey, secretHash: hashSecret(secret) },
    select: { id: true, label: true, mode: true, publicKey: true, createdAt: true },
  });
  return { ...key, secret };
}
