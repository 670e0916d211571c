import "server-only";
import type { PrismaClient } from "../generated/prisma/client";

/** The program's saved views by name, with how many delivery schedules send each. */
export async function listSavedViews(prisma: PrismaClient, programId: number) {
  const views = await prisma.savedView.findMany({
    where: { programId },
    select: {
      id: true,
      name: true,
      query: true,
      userId: true,
      _count: { select: { schedules: true } },
    },
    orderBy: { name: "asc" },
  });
  return views.map(({ _count, ...view }) => ({ ...view, schedules: _count.schedules }));
}
