// The route pattern a request's path falls under (`/p/[slug]/actions`, `/api/v2/actions/[key]`),
// for the label of its metrics and its log line: never the path itself, which carries slugs, keys
// and one-time tokens, and has no bound on its values. Read from the build's routes manifest, so
// it matches as Next does: static routes first, then public files, then dynamic routes in Next's
// order of specificity. Plain JavaScript: scripts/start-server.mjs uses it.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

/** The label of a path no route serves (Next answers 404). */
export const UNMATCHED = "(unmatched)";

/** @param {string} dir @param {string} [prefix] @returns {string[]} */
function filesUnder(dir, prefix = "") {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return [];
  }
  return entries.flatMap((entry) =>
    entry.isDirectory()
      ? filesUnder(path.join(dir, entry.name), `${prefix}/${entry.name}`)
      : [`${prefix}/${entry.name}`],
  );
}

/**
 * The route patterns of a build, as a function from a request's URL (path and query) to its
 * pattern.
 * @param {{ staticRoutes: { page: string }[], dynamicRoutes: { page: string, regex: string }[] }} manifest
 * @param {string[]} [publicFiles] paths of the files under public/ ("/robots.txt")
 */
export function routeMatcher(manifest, publicFiles = []) {
  const statics = new Set(manifest.staticRoutes.map((route) => route.page));
  const files = new Set(publicFiles);
  const dynamics = manifest.dynamicRoutes.map((route) => ({
    page: route.page,
    regex: new RegExp(route.regex),
  }));
  /** @param {string} url */
  return function routeOf(url) {
    const end = url.search(/[?#]/);
    let pathname = end === -1 ? url : url.slice(0, end);
    if (pathname.length > 1 && pathname.endsWith("/")) pathname = pathname.slice(0, -1);
    if (statics.has(pathname)) return pathname;
    if (pathname.startsWith("/_next/")) {
      return pathname.startsWith("/_next/static/") ? "/_next/static/[...path]" : "/_next/[...path]";
    }
    if (files.has(pathname)) return pathname;
    return dynamics.find((route) => route.regex.test(pathname))?.page ?? UNMATCHED;
  };
}

/**
 * The route patterns of the build in `dir` (`.next/routes-manifest.json`) and its public files.
 * @param {string} [dir]
 */
export function buildRouteMatcher(dir = process.cwd()) {
  const manifest = JSON.parse(
    readFileSync(path.join(dir, ".next", "routes-manifest.json"), "utf8"),
  );
  return routeMatcher(manifest, filesUnder(path.join(dir, "public")));
}
