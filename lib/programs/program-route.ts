import "server-only";
import { forbidden } from "next/navigation";
import { overDatabase } from "../db/over-database";
import type { OpenDatabase } from "../db/open";
import type { PrismaClient } from "../generated/prisma/client";
import { overTabSources, type TabSources } from "../stats/sources";
import { requireProgramAccess } from "./require-program-access";
import type { Role } from "./roles";

/** What a program route's handler is given: the member's access, its database and engine. */
export type ProgramRouteAccess<P> = Awaited<ReturnType<typeof requireProgramAccess>> & {
  /** The route's segments (`slug` and any others, e.g. `file`). */
  params: P;
  db: OpenDatabase;
  prisma: PrismaClient;
  /** The database and the engine that counts, for the statistics layer (opened when asked). */
  sources: () => Promise<TabSources>;
};

type Handler<P> = (request: Request, context: { params: Promise<P> }) => Promise<Response>;

export type ProgramRoute<P> = Handler<P> & {
  /** The same route over a test's database, counted by `sources`' engine (else the process's). */
  on(db: OpenDatabase, sources?: TabSources): Handler<P>;
};

/**
 * The one way into a program's route handler, as `openProgramPage` is for pages and
 * `programAction` for server actions: the slug from the route's segments, the signed-in member's
 * access (sign-in, 404 and 403 as for pages), the role (`allow`, else 403), then `handle` with
 * the database and the statistics sources.
 */
export function programRoute<P extends { slug: string }>(
  handle: (request: Request, access: ProgramRouteAccess<P>) => Promise<Response>,
  options: { allow?: (role: Role) => boolean } = {},
): ProgramRoute<P> {
  const over = (sourcesOf: (db: OpenDatabase) => Promise<TabSources>) =>
    overDatabase((database) => async (request: Request, { params }: { params: Promise<P> }) => {
      const [segments, db] = await Promise.all([params, database()]);
      const access = await requireProgramAccess(db.prisma, segments.slug);
      if (options.allow && !options.allow(access.role)) forbidden();
      return handle(request, {
        ...access,
        params: segments,
        db,
        prisma: db.prisma,
        sources: () => sourcesOf(db),
      });
    });
  return overTabSources<Handler<P>>(over);
}
