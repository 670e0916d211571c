import "server-only";
import { getDatabase } from "../db/client";
import { openTabSources } from "../stats/sources";
import { requireProgramAccess } from "./require-program-access";

type SearchParams = Record<string, string | string[] | undefined>;

/** The props Next gives every page under `/p/[slug]`. */
export interface ProgramPageProps {
  params: Promise<{ slug: string }>;
  searchParams?: Promise<SearchParams>;
}

/**
 * The opening of every program page: the slug, the query string's values and the signed-in
 * member's access (sign-in, 404 and 403 as `requireProgramAccess` decides), the database the
 * page hands to its data functions, and `sources()`: the statistics layer's sources over it.
 */
export async function openProgramPage({ params, searchParams }: ProgramPageProps) {
  const [{ slug }, db] = await Promise.all([params, getDatabase()]);
  const [query, access] = await Promise.all([
    searchParams ?? Promise.resolve<SearchParams>({}),
    requireProgramAccess(db.prisma, slug),
  ]);
  return { slug, query, db, sources: () => openTabSources(db), ...access };
}
