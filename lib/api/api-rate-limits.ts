import "server-only";
import { parseAuthorization } from "../api-keys/api-key-secrets";
import type { PrismaClient } from "../generated/prisma/client";
import { countRateLimit, peekRateLimit } from "../rate-limit/count-rate-limit";
import { rateLimit } from "../rate-limit/rate-limit-config";
import { tooManyRequests, type ApiError } from "./api-error";

const minutes = (seconds: number) => Math.max(1, Math.round(seconds / 60));

/** The public key a request names, if its Authorization header has one. */
export function namedPublicKey(request: Request): string | null {
  return parseAuthorization(request.headers.get("authorization"))?.publicKey ?? null;
}

/**
 * Wrong secrets for one public key: once the window holds too many, the key is refused without
 * checking the secret until the window ends (guessing is pointless, and costs nothing).
 */
export async function refuseLockedKey(db: PrismaClient, publicKey: string) {
  const limit = rateLimit("RATE_LIMIT_API_WRONG_SECRET");
  const state = await peekRateLimit(db, limit, publicKey);
  if (!state.exceeded) return null;
  return tooManyRequests(
    `Too many failed authentications with this public key (${limit.limit} in ${minutes(limit.windowSeconds)} min).`,
    state.retryAfterSeconds,
  );
}

/**
 * Counts a failed authentication. Returns what to add to the log entry for the window's first
 * failure, or null for the others (logged once per window, so refusals cannot flood the log).
 */
export async function countWrongSecret(db: PrismaClient, publicKey: string) {
  const limit = rateLimit("RATE_LIMIT_API_WRONG_SECRET");
  const state = await countRateLimit(db, limit, publicKey);
  if (state.hits !== 1) return null;
  return ` Further failures with this public key in the next ${minutes(limit.windowSeconds)} min are counted, not logged; after ${limit.limit} the key is refused until then.`;
}

/** Requests per key; the first refusal of a window is returned with `first` so it is logged once. */
export async function countKeyRequest(
  db: PrismaClient,
  apiKeyId: number,
): Promise<{ error: ApiError; first: boolean } | null> {
  const limit = rateLimit("RATE_LIMIT_API_KEY");
  const state = await countRateLimit(db, limit, String(apiKeyId));
  if (!state.exceeded) return null;
  return {
    error: tooManyRequests(
      `This API key sent more than ${limit.limit} requests in ${minutes(limit.windowSeconds)} min.`,
      state.retryAfterSeconds,
    ),
    first: state.hits === limit.limit + 1,
  };
}
