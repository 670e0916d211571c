import "server-only";
import { parseAuthorization } from "../api-keys/api-key-secrets";
import type { PrismaClient } from "../generated/prisma/client";
import type { OpenDatabase } from "../db/open";
import { countRateLimit } from "../rate-limit/count-rate-limit";
import { rateLimitClaims } from "../rate-limit/rate-limit-claims";
import { rateLimit } from "../rate-limit/rate-limit-config";
import { tooManyRequests, type ApiError } from "./api-error";

const minutes = (seconds: number) => Math.max(1, Math.round(seconds / 60));

/** The public key a request names, if its Authorization header has one. */
export function namedPublicKey(request: Request): string | null {
  return parseAuthorization(request.headers.get("authorization"))?.publicKey ?? null;
}

/**
 * Counts a failed authentication for a public key (known or not, so both cost the same). Past
 * the limit a wrong secret is answered 429 until the window ends; the right secret is never
 * refused, so whoever learns a public key cannot lock its integration out (secrets are 192
 * random bits: the limit is against noise and log floods, not guessing). `logNote` is what the
 * window's first failure adds to its log entry; null for the others, which are only counted.
 */
export async function countWrongSecret(
  db: PrismaClient,
  publicKey: string,
): Promise<{ logNote: string | null; tooMany: ApiError | null }> {
  const limit = rateLimit("RATE_LIMIT_API_WRONG_SECRET");
  const state = await countRateLimit(db, limit, publicKey);
  const window = `${minutes(limit.windowSeconds)} min`;
  return {
    logNote:
      state.hits === 1
        ? ` Further failures with this public key in the next ${window} are counted, not logged; after ${limit.limit} they are answered 429.`
        : null,
    tooMany: state.exceeded
      ? tooManyRequests(
          `Too many failed authentications with this public key (${limit.limit} in ${window}).`,
          state.retryAfterSeconds,
        )
      : null,
  };
}

/**
 * Requests per key, counted in memory and claimed from the database in blocks (the database
 * holds the limit across processes: `RateLimitClaims`); the first refusal of a window in this
 * process is returned with `first` so it is logged once.
 */
export async function countKeyRequest(
  db: Pick<OpenDatabase, "prisma" | "sql">,
  apiKeyId: number,
): Promise<{ error: ApiError; first: boolean } | null> {
  const limit = rateLimit("RATE_LIMIT_API_KEY");
  const state = await rateLimitClaims(db).take(limit, String(apiKeyId));
  if (!state.exceeded) return null;
  return {
    error: tooManyRequests(
      `This API key sent more than ${limit.limit} requests in ${minutes(limit.windowSeconds)} min.`,
      state.retryAfterSeconds,
    ),
    first: state.firstRefusal,
  };
}
