import "server-only";
import type { OpenDatabase } from "../db/open";
import { DomainError } from "../errors/domain-error";
import { parseAuthorization, secretMatches } from "./api-key-secrets";
import { findApiKeyCached } from "./cached-api-keys";

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
 * revoked) and, when the key exists, which program to log the refusal under. The key is read
 * through a cache of a few seconds (`API_KEY_CACHE_SECONDS`: a revocation elsewhere takes
 * effect within it); the secret is checked against its hash on every request.
 */
export async function authenticateApiKey(
  db: Pick<OpenDatabase, "prisma" | "sql">,
  request: Request,
  now = Date.now(),
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
  const { key, fresh } = await findApiKeyCached(db, credentials.publicKey, now);
  // Hash even when the key is unknown, so timing does not reveal which public keys exist.
  const matches = secretMatches(credentials.secret, key?.secretHash ?? "0".repeat(64));
  if (!key || !matches) {
    return {
      ok: false,
      error: new DomainError("unauthenticated", "Invalid API key."),
      programId: key?.programId,
    };
  }
  if (key.revoked) {
    return {
      ok: false,
      error: new DomainError("unauthenticated", "This API key has been revoked."),
      programId: key.programId,
    };
  }
  // `last_used_at` is a hint in the keys list: refreshed when the key is read, once a minute at most.
  if (fresh) {
    await db.sql.$executeRaw`UPDATE api_keys SET last_used_at = now()
      WHERE program_id = ${key.programId} AND id = ${key.id}
        AND (last_used_at IS NULL OR last_used_at < now() - interval '1 minute')`;
  }
  return {
    ok: true,
    principal: { program: key.program, apiKeyId: key.id, publicKey: credentials.publicKey },
  };
}
