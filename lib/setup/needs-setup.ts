import "server-only";
import type { PrismaClient } from "../generated/prisma/client";

/** True while the instance has no account at all: every page leads to /setup. */
export async function needsSetup(prisma: Pick<PrismaClient, "user">): Promise<boolean> {
  return (await prisma.user.findFirst({ select: { id: true } })) === null;
}
