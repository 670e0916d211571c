import "server-only";
import type { Prisma } from "../generated/prisma/client";

// Any fixed number: the lock means "slugs and old slugs are being claimed".
const SLUG_LOCK = 24_240_001;

/**
 * Serialises the transactions that claim a slug (a new program, a renamed slug) until they end: a
 * slug must be neither another program's slug nor another program's old slug, and no single index
 * spans both tables, so the check and the write must not interleave with another claim.
 */
export async function lockProgramSlugs(tx: Prisma.TransactionClient): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(${SLUG_LOCK}::bigint)`;
}
