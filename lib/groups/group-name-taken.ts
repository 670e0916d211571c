import "server-only";
import type { Prisma } from "../generated/prisma/client";

/** Serializes group names within a program: two creates of "Resellers" cannot both pass. */
const GROUP_NAME_LOCK = 730_2;

/**
 * Whether another group of the program already has this name (ignoring case). Takes the
 * program's group-name lock until the transaction ends, so the caller's insert or rename is
 * decided against every committed name.
 */
export async function groupNameTaken(
  tx: Prisma.TransactionClient,
  programId: number,
  name: string,
  exceptId?: number,
): Promise<boolean> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(${GROUP_NAME_LOCK}::int, ${programId}::int)`;
  const [found] = await tx.$queryRaw<{ id: number }[]>`
    SELECT id FROM groups
    WHERE program_id = ${programId} AND lower(name) = lower(${name}) AND id <> ${exceptId ?? 0}
    LIMIT 1`;
  return found !== undefined;
}
