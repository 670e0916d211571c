import "server-only";
import { createHash } from "node:crypto";
import type { PrismaClient } from "../generated/prisma/client";
import type { RateLimit } from "./rate-limit-config";

interface RateLimitState {
  /** Events counted in the current window, this one included when counted. */
  hits: number;
  /** Over the limit: refuse, and say when to come back. */
  exceeded: boolean;
  retryAfterSeconds: number;
}

type Db = Pick<PrismaClient, "$queryRaw" | "$executeRaw">;

// Subjects (emails, addresses, keys) are stored hashed.
const bucketOf = (limit: RateLimit, subject: string) =>
  `${limit.name}:${createHash("sha256").update(subject).digest("base64url").slice(0, 32)}`;

function stateOf(limit: RateLimit, row?: { hits: number; seconds_left: number }, counting = true) {
  const hits = row?.hits ?? 0;
  return {
    hits,
    exceeded: counting ? hits > limit.limit : hits >= limit.limit,
    retryAfterSeconds: Math.max(1, Math.ceil(row?.seconds_left ?? limit.windowSeconds)),
  };
}

/**
 * Counts one event for `subject` in one atomic upsert (safe across processes) and says whether
 * it went over the limit. A window starts with its first event and lasts `windowSeconds`.
 */
export async function countRateLimit(
  db: Db,
  limit: RateLimit,
  subject: string,
): Promise<RateLimitState> {
  const bucket = bucketOf(limit, subject);
  const [row] = await db.$queryRaw<{ hits: number; seconds_left: number }[]>`
    INSERT INTO rate_limits AS r (bucket, hits, window_end)
    VALUES (${bucket}, 1, now() + make_interval(secs => ${limit.windowSeconds}))
    ON CONFLICT (bucket) DO UPDATE SET
      hits = CASE WHEN r.window_end > now() THEN r.hits + 1 ELSE 1 END,
      window_end = CASE WHEN r.window_end > now() THEN r.window_end ELSE EXCLUDED.window_end END
    RETURNING hits, extract(epoch FROM window_end - now())::float8 AS seconds_left`;
  if (Math.random() < 0.002) {
    await db.$executeRaw`DELETE FROM rate_limits WHERE window_end < now() - interval '1 hour'`;
  }
  return stateOf(limit, row);
}

/** Reads `subject`'s window without counting: exceeded once `limit` events were counted. */
export async function peekRateLimit(
  db: Db,
  limit: RateLimit,
  subject: string,
): Promise<RateLimitState> {
  const [row] = await db.$queryRaw<{ hits: number; seconds_left: number }[]>`
    SELECT hits, extract(epoch FROM window_end - now())::float8 AS seconds_left
    FROM rate_limits WHERE bucket = ${bucketOf(limit, subject)} AND window_end > now()`;
  return stateOf(limit, row, false);
}

/** Forgets `subject`'s window (a successful sign-in clears its account's failures). */
export async function clearRateLimit(db: Db, limit: RateLimit, subject: string): Promise<void> {
  await db.$executeRaw`DELETE FROM rate_limits WHERE bucket = ${bucketOf(limit, subject)}`;
}
