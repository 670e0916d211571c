import type { PrismaClient } from "../generated/prisma/client";

/** A program's stored actions, rewards and action types, counted with plain SQL (independent of
 * the code under test). */
export async function storedCounts(prisma: PrismaClient, programId: number) {
  const [row] = await prisma.$queryRaw<{ actions: number; rewards: number; types: number }[]>`
    SELECT (SELECT count(*)::int FROM actions WHERE program_id = ${programId}) AS actions,
           (SELECT count(*)::int FROM rewards WHERE program_id = ${programId}) AS rewards,
           (SELECT count(*)::int FROM action_types WHERE program_id = ${programId}) AS types`;
  return row;
}
