import "server-only";
import type { PrismaClient } from "../generated/prisma/client";

export interface ProgramSettings {
  /** Rewards decide whether the currency may still change (none yet: it may). */
  rewardCount: number;
  /** Slugs the program had before: links using them redirect to the current one. */
  oldSlugs: string[];
}

/** What the settings page shows beside the program's own fields. */
export async function getProgramSettings(
  prisma: PrismaClient,
  programId: number,
): Promise<ProgramSettings> {
  const [rewardCount, redirects] = await Promise.all([
    prisma.reward.count({ where: { programId } }),
    prisma.programSlugRedirect.findMany({
      where: { programId },
      select: { oldSlug: true },
      orderBy: { createdAt: "desc" },
    }),
  ]);
  return { rewardCount, oldSlugs: redirects.map((r) => r.oldSlug) };
}
