// Types of route-patterns.mjs (plain JavaScript, so scripts/start-server.mjs can use it).

/** The label of a path no route serves. */
export const UNMATCHED: string;

/** The route patterns of a manifest (and public files), as a function of a request's URL. */
export function routeMatcher(
  manifest: { staticRoutes: { page: string }[]; dynamicRoutes: { page: string; regex: string }[] },
  publicFiles?: string[],
): (url: string) => string;

/** The route patterns of the build in `dir` (default: the working directory). */
export function buildRouteMatcher(dir?: string): (url: string) => string;
