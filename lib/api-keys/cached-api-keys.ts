import "server-only";
import type { SqlClient } from "../db/sql-client";
import { perDatabase } from "../db/per-database";

/** What authentication needs to know about a key, as stored. */
export interface StoredApiKey {
  id: number;
  programId: number;
  secretHash: string;
  revoked: boolean;
  program: { id: number; slug: string; currency: string; timezone: string };
}

/**
 * How long a key read from the database is trusted. Revoking a key in another process (or
 * directly in the database) takes effect within this time; revoking through this process's own
 * code takes effect at once (`forgetApiKey`).
 */
export const API_KEY_CACHE_SECONDS = 5;

interface Entry {
  key: StoredApiKey | null;
  expires: number;
}

// One cache per database, shared by every module graph Next builds: a revocation in a server
// action must reach the route handlers' cache.
const cacheOf = perDatabase("__actionboardApiKeys", () => new Map<string, Entry>());

// Unknown public keys are remembered too (as null), so a flood of them costs no queries; the
// map is cleared when it grows past this, which only a flood of distinct keys can cause.
const MAX_ENTRIES = 10_000;

async function readKey(sql: SqlClient, publicKey: string): Promise<StoredApiKey | null> {
  const [row] = await sql.$queryRaw<
    {
      id: number;
      program_id: number;
      secret_hash: string;
      revoked: boolean;
      slug: string;
      currency: string;
      timezone: string;
    }[]
  >`
    SELECT k.id, k.program_id, k.secret_hash, k.revoked_at IS NOT NULL AS revoked,
           p.slug, p.currency, p.timezone
    FROM api_keys k JOIN programs p ON p.id = k.program_id
    WHERE k.public_key = ${publicKey}`;
  if (!row) return null;
  const program = {
    id: row.program_id,
    slug: row.slug,
    currency: row.currency,
    timezone: row.timezone,
  };
  return {
    id: row.id,
    programId: row.program_id,
    secretHash: row.secret_hash,
    revoked: row.revoked,
    program,
  };
}

/**
 * The key named `publicKey` as stored at most API_KEY_CACHE_SECONDS ago (null when there is
 * none), and whether it was read just now. `db.prisma` names the database; `now` is for tests.
 */
export async function findApiKeyCached(
  db: { prisma: object; sql: SqlClient },
  publicKey: string,
  now = Date.now(),
): Promise<{ key: StoredApiKey | null; fresh: boolean }> {
  const cache = cacheOf(db.prisma);
  const cached = cache.get(publicKey);
  if (cached && cached.expires > now) return { key: cached.key, fresh: false };
  const key = await readKey(db.sql, publicKey);
  if (cache.size >= MAX_ENTRIES) cache.clear();
  cache.set(publicKey, { key, expires: now + API_KEY_CACHE_SECONDS * 1000 });
  return { key, fresh: true };
}

/** Drops a key from this process's cache of the database `prisma` (it was revoked here). */
export function forgetApiKey(prisma: object, publicKey: string): void {
  cacheOf(prisma).delete(publicKey);
}
