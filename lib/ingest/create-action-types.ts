import "server-only";
import type { Prisma } from "../generated/prisma/client";

/**
 * Creates the named action types that do not exist yet, in one statement; the caller re-reads
 * them. Names go in sorted order so concurrent batches wait on each other's new types in the
 * same order instead of deadlocking.
 */
export async function createActionTypes(
  tx: Prisma.TransactionClient,
  programId: number,
  names: string[],
): Promise<void> {
  if (names.length === 0) return;
  const sorted = [...new Set(names)].sort();
  await tx.$executeRaw`
    INSERT INTO action_types (program_id, name)
    SELECT ${programId}, u.name FROM unnest(${sorted}::text[]) WITH ORDINALITY AS u(name, ord)
    ORDER BY u.ord
    ON CONFLICT (program_id, name) DO NOTHING`;
}
