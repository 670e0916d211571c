import "server-only";
import type { PrismaClient } from "../generated/prisma/client";
import { canNameProgram } from "./can-name-program";

/** The current slug of the program that had `oldSlug` before it was renamed, or null. */
export async function findSlugRedirect(
  prisma: PrismaClient,
  oldSlug: string,
): Promise<string | null> {
  if (!canNameProgram(oldSlug)) return null;
  const redirect = await prisma.programSlugRedirect.findUnique({
    where: { oldSlug },
    select: { program: { select: { slug: true } } },
  });
  return redirect?.program.slug ?? null;
}
