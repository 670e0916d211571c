import "server-only";
import { createHash } from "node:crypto";
import type { PrismaClient } from "../generated/prisma/client";
import type { SqlClient } from "../db/sql-client";
import type { RateLimit } from "./rate-limit-config";
import { metrics } from "../observability/metrics.mjs";

interface RateLimitState {
  /** Events counted in the current window, this one included when counted. */
  hits: number;
  /** Over the limit: refuse, and say when to come back. */
  exceeded: boolean;
  retryAfterSeconds: number;
}

type Db = Pick<PrismaClient, "$queryRaw" | "$executeRaw">;

// Subjects (emails, addresses, keys) are stored hashed.
export const bucketOf = (limit: RateLimit, subject: string) =>
  `${limit.name}:${createHash("sha256").update(subject).digest("base64url").slice(0, 32)}`;

/** Every limit refuses what exceeds it: counted for /metrics (`api_key`, `signin_account`, …). */
export function countRefusal(limit: RateLimit) {
  metrics().rateLimitRefusals.inc({ limit: limit.name.replace(/^RATE_LIMIT_/, "").toLowerCase() });
}

function stateOf(limit: RateLimit, row?: { hits: number; seconds_left: number }) {
  const hits = row?.hits ?? 0;
  const exceeded = hits > limit.limit;
  if (exceeded) countRefusal(limit);
  return {
    hits,
    exceeded,
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
  return stateOf(limit, await addHits(db, limit, bucketOf(limit, subject), 1));
}

/**
 * Adds `n` events to a bucket's window in one atomic upsert (safe across processes), starting a
 * new window when the last one ended; the window's count after them and its seconds left.
 * Occasionally prunes windows ended over an hour ago.
 */
export async function addHits(db: SqlClient, limit: RateLimit, bucket: string, n: number) {
  const [row] = await db.$queryRaw<{ hits: number; seconds_left: number }[]>`
    INSERT INTO rate_limits AS r (bucket, hits, window_end)
    VALUES (${bucket}, ${n}, now() + make_interval(secs => ${limit.windowSeconds}))
    ON CONFLICT (bucket) DO UPDATE SET
      hits = CASE WHEN r.window_end > now() THEN r.hits + EXCLUDED.hits ELSE EXCLUDED.hits END,
      window_end = CASE WHEN r.window_end > now() THEN r.window_end ELSE EXCLUDED.window_end END
    RETURNING hits, extract(epoch FROM window_end - now())::float8 AS seconds_left`;
  if (Math.random() < Math.min(0.01, 0.002 * n)) {
    await db.$executeRaw`DELETE FROM rate_limits WHERE window_end < now() - interval '1 hour'`;
  }
  return row;
}

/** Forgets `subject`'s window (a successful sign-in clears its account's failures). */
export async function clearRateLimit(db: Db, limit: RateLimit, subject: string): Promise<void> {
  await db.$executeRaw`DELETE FROM rate_limits WHERE bucket = ${bucketOf(limit, subject)}`;
}

/**
 * Counts one event for each subject and decides, in one atomic statement: a subject is over its
 * limit when this event is past it. Concurrent callers each get their own count, so twenty
 * simultaneous tries against a limit of ten let ten through, never twenty.
 */
export async function takeRateLimits(
  db: Db,
  subjects: { limit: RateLimit; subject: string }[],
): Promise<RateLimitState[]> {
  if (subjects.length === 0) return [];
  // Rows are locked in bucket order, so two statements over the same buckets cannot deadlock.
  const rows = subjects
    .map(({ limit, subject }) => ({
      bucket: bucketOf(limit, subject),
      seconds: limit.windowSeconds,
    }))
    .sort((a, b) => (a.bucket < b.bucket ? -1 : 1));
  const counted = await db.$queryRaw<{ bucket: string; hits: number; seconds_left: number }[]>`
    INSERT INTO rate_limits AS r (bucket, hits, window_end)
    SELECT bucket, 1, now() + make_interval(secs => seconds)
    FROM unnest(${rows.map((r) => r.bucket)}::text[], ${rows.map((r) => r.seconds)}::int[])
      AS t(bucket, seconds)
    ORDER BY bucket
    ON CONFLICT (bucket) DO UPDATE SET
      hits = CASE WHEN r.window_end > now() THEN r.hits + 1 ELSE 1 END,
      window_end = CASE WHEN r.window_end > now() THEN r.window_end ELSE EXCLUDED.window_end END
    RETURNING bucket, hits, extract(epoch FROM window_end - now())::float8 AS seconds_left`;
  const byBucket = new Map(counted.map((row) => [row.bucket, row]));
  return subjects.map(({ limit, subject }) =>
    stateOf(limit, byBucket.get(bucketOf(limit, subject))),
  );
}

/** Takes back one counted event (an attempt that turned out to succeed). */
export async function refundRateLimit(db: Db, limit: RateLimit, subject: string): Promise<void> {
  await db.$executeRaw`
    UPDATE rate_limits SET hits = greatest(hits - 1, 0)
    WHERE bucket = ${bucketOf(limit, subject)} AND window_end > now()`;
}
