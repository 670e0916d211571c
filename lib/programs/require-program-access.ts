import "server-only";
import { forbidden, notFound, redirect } from "next/navigation";
import { SIGN_IN_PATH } from "../auth/auth-options";
import { getCurrentUser } from "../auth/get-current-user";
import type { PrismaClient } from "../generated/prisma/client";
import { findSlugRedirect } from "./find-slug-redirect";
import { getProgramAccess, type ProgramAccess } from "./get-program-access";
import { movedProgramPath } from "./moved-program-path";
import { requestedPath } from "./requested-path";

/**
 * For program pages and exports: the signed-in member's access to the program in the URL.
 * Signed out → sign-in; a slug the program had before it was renamed → the same path and query
 * under its new slug (old links keep working); unknown program → 404; not a member → 403.
 */
export async function requireProgramAccess(
  prisma: PrismaClient,
  slug: string,
): Promise<ProgramAccess & { user: { id: number; email: string; name: string } }> {
  const user = await getCurrentUser();
  if (!user) redirect(`${SIGN_IN_PATH}?callbackUrl=${encodeURIComponent(`/p/${slug}`)}`);
  const access = await getProgramAccess(prisma, user.id, slug);
  if (access === "not_found") {
    const moved = await findSlugRedirect(prisma, slug);
    // Members only: anyone else learns nothing of where the program went (403 as for its new slug).
    if (moved && (await getProgramAccess(prisma, user.id, moved)) === "forbidden") forbidden();
    if (moved) redirect(movedProgramPath(await requestedPath(), slug, moved));
    notFound();
  }
  if (access === "forbidden") forbidden();
  return { ...access, user };
}
