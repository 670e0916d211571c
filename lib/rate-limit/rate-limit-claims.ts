import "server-only";
import type { SqlClient } from "../db/sql-client";
import type { RateLimit } from "./rate-limit-config";
import { addHits, bucketOf, countRefusal } from "./count-rate-limit";
import { perDatabase } from "../db/per-database";

/** What a counted event may do. */
export interface ClaimedState {
  exceeded: boolean;
  retryAfterSeconds: number;
  /** This process's first refusal in the window (logged; later ones are only answered). */
  firstRefusal: boolean;
}

interface Claim {
  /** Events this process may still let through in the window, already counted in the database. */
  left: number;
  /** When the database's window ends, on this process's clock (ms). */
  windowEnds: number;
  /** The database granted less than asked: the limit is reached, nothing more this window. */
  last: boolean;
  refused: number;
}

/**
 * How many events a process claims from the database at once: at most 5 % of the limit (so two
 * processes hold at most a tenth of it unused between them) and 100; 1 for small limits, where
 * every event is counted in the database as it happens.
 */
export const claimSize = (limit: RateLimit) =>
  Math.max(1, Math.min(100, Math.floor(limit.limit / 20)));

/**
 * A rate limit counted in memory, with the database as the shared ceiling. A process claims a
 * block of events from the window's row (one atomic upsert adds the block to its count and grants
 * what was left under the limit) and lets them through without touching the database until they
 * are spent. Whatever the number of processes, the events let through in a window never pass the
 * limit: each was granted by the database. Once the database grants nothing, this process
 * refuses until the window ends without asking again. Events a process claimed but did not use
 * are lost with the window (at most `claimSize` each), so the limit can refuse a little early,
 * never late.
 */
export class RateLimitClaims {
  private claims = new Map<string, Claim>();
  private pending = new Map<string, Promise<Claim>>();

  constructor(private readonly sql: SqlClient) {}

  async take(limit: RateLimit, subject: string, now = Date.now()): Promise<ClaimedState> {
    const bucket = bucketOf(limit, subject);
    let fresh: Claim | undefined;
    for (;;) {
      const claim = this.claims.get(bucket);
      if (claim && claim.windowEnds > now) {
        if (claim.left > 0) {
          claim.left--;
          return { exceeded: false, retryAfterSeconds: 0, firstRefusal: false };
        }
        if (claim.last) {
          if (claim !== fresh) {
            // Past the limit, each refusal asks the database again (and is counted there, as
            // every request was before): refusals end when its window does, not this process's.
            const again = await this.claim(bucket, limit, now, 1);
            if (again.left > 0) {
              this.claims.set(bucket, again);
              continue;
            }
            claim.windowEnds = again.windowEnds;
          }
          claim.refused++;
          countRefusal(limit);
          const retryAfterSeconds = Math.max(1, Math.ceil((claim.windowEnds - now) / 1000));
          return { exceeded: true, retryAfterSeconds, firstRefusal: claim.refused === 1 };
        }
      }
      // One claim at a time per bucket: requests arriving meanwhile wait for it, then take from it.
      let asked = this.pending.get(bucket);
      if (!asked) {
        asked = this.claim(bucket, limit, now, claimSize(limit)).finally(() =>
          this.pending.delete(bucket),
        );
        this.pending.set(bucket, asked);
      }
      fresh = await asked;
      this.claims.set(bucket, fresh);
      if (this.claims.size > 10_000) this.forgetEnded(now);
    }
  }

  private async claim(bucket: string, limit: RateLimit, now: number, want: number): Promise<Claim> {
    const row = await addHits(this.sql, limit, bucket, want);
    // The count before this claim was hits − want: what was left under the limit is granted.
    const granted = Math.max(0, Math.min(want, limit.limit - (row.hits - want)));
    // Never trust a window longer than the limit's own (a clock step on either side).
    const seconds = Math.max(0.001, Math.min(row.seconds_left, limit.windowSeconds));
    return { left: granted, windowEnds: now + seconds * 1000, last: granted < want, refused: 0 };
  }

  private forgetEnded(now: number) {
    for (const [bucket, claim] of this.claims)
      if (claim.windowEnds <= now) this.claims.delete(bucket);
  }
}

const claimsOf = perDatabase(
  "__actionboardRateLimitClaims",
  (sql: SqlClient) => new RateLimitClaims(sql),
);

/** This process's claims on the database `db` (one set per database, shared by Next's graphs). */
export function rateLimitClaims(db: { prisma: object; sql: SqlClient }): RateLimitClaims {
  return claimsOf(db.prisma, db.sql);
}
