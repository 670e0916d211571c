import "server-only";
import type { PrismaClient } from "../generated/prisma/client";

/**
 * The name of the program's saved view whose filters are exactly `query` (the loader's
 * `filterQuery`, as views are saved), or null: a download of a view is named after it.
 */
export async function findViewName(
  prisma: PrismaClient,
  programId: number,
  query: string,
): Promise<string | null> {
  const view = await prisma.savedView.findFirst({
    where: { programId, query },
    orderBy: { name: "asc" },
    select: { name: true },
  });
  return view?.name ?? null;
}
