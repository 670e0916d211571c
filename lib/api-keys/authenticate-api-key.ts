import "server-only";
import type { PrismaClient } from "../generated/prisma/client";
import { DomainError } from "../errors/domain-error";
import { parseAuthorization, secretMatches } from "./api-key-secrets";

export interface ApiPrincipal {
  program: { id: number; slug: string; currency: string; timezone: string };
  apiKeyId: number;
  /** The key's public half, which names it in audit entries ("API key pk_live_…"). */
  publicKey: string;
}

type AuthenticationResult =
  { ok: true; principal: ApiPrincipal } | { ok: false; error: DomainError; programId?: number };

const UNAUTHORIZED =
  "Authenticate with HTTP Basic public_key:secret_key or Authorization: Bearer <secret_key>.";

/**
 * Resolves the request's API key to its program. Failures say why (missing, malformed, wrong,
 * revoked) and, when the key exists, which program to log the refusal under.
 */
export async function authenticateApiKey(
  prisma: PrismaClient,
  request: Request,
): Promise<AuthenticationResult> {
  const header = request.headers.get("authorization");
  if (!header)
    return {
      ok: false,
      error: new DomainError("unauthenticated", `Missing API key. ${UNAUTHORIZED}`),
    };
  const credentials = parseAuthorization(header);
  if (!credentials) {
    return {
      ok: false,
      error: new DomainError("unauthenticated", `Malformed Authorization header. ${UNAUTHORIZED}`),
    };
  }
  const key = await prisma.apiKey.findUnique({
    where: { publicKey: credentials.publicKey },
    select: {
      id: true,
      programId: true,
      secretHash: true,
      revokedAt: true,
      program: { select: { id: true, slug: true, currency: true, timezone: true } },
    },
  });
  // Hash even when the key is unknown, so timing does not reveal which public keys exist.
  const matches = secretMatches(credentials.secret, key?.secretHash ?? "0".repeat(64));
  if (!key || !matches) {
    return {
      ok: false,
      error: new DomainError("unauthenticated", "Invalid API key."),
      programId: key?.programId,
    };
  }
  if (key.revokedAt) {
    return {
      ok: false,
      error: new DomainError("unauthenticated", "This API key has been revoked."),
      programId: key.programId,
    };
  }
  await prisma.$executeRaw`UPDATE api_keys SET last_used_at = now()
    WHERE program_id = ${key.programId} AND id = ${key.id}
      AND (last_used_at IS NULL OR last_used_at < now() - interval '1 minute')`;
  return {
    ok: true,
    principal: { program: key.program, apiKeyId: key.id, publicKey: credentials.publicKey },
  };
}
