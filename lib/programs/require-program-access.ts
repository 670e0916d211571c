import "server-only";
import { forbidden, notFound, redirect } from "next/navigation";
import { SIGN_IN_PATH } from "../auth/auth-options";
import { getCurrentUser } from "../auth/get-current-user";
import type { PrismaClient } from "../generated/prisma/client";
import { getProgramAccess, type ProgramAccess } from "./get-program-access";

/**
 * For program pages and exports: the signed-in member's access to the program in the URL.
 * Signed out → sign-in; unknown program → 404; not a member → 403.
 */
export async function requireProgramAccess(
  prisma: PrismaClient,
  slug: string,
): Promise<ProgramAccess & { user: { id: number; email: string; name: string } }> {
  const user = await getCurrentUser();
  if (!user) redirect(`${SIGN_IN_PATH}?callbackUrl=${encodeURIComponent(`/p/${slug}`)}`);
  const access = await getProgramAccess(prisma, user.id, slug);
  if (access === "not_found") notFound();
  if (access === "forbidden") forbidden();
  return { ...access, user };
}
