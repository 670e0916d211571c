import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

export const HTTP_METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"] as const;
export type HttpMethod = (typeof HTTP_METHODS)[number];

/** One `page.tsx` or `route.ts` of the App Router, read from disk at test time. */
export interface AppRoute {
  /** Path from the repository root, e.g. `app/p/[slug]/actions/page.tsx`. */
  file: string;
  kind: "page" | "route";
  /** URL pattern with Next's segment syntax, e.g. `/p/[slug]/actions/export/[file]`. */
  pattern: string;
  /** Names of its dynamic segments (`slug`, `...path` for a catch-all). */
  segments: string[];
  /** GET for pages; the handlers a route file exports. */
  methods: HttpMethod[];
}

const FILES = { "page.tsx": "page", "route.ts": "route" } as const;

/** Every page and route handler under `app/`, so a route added tomorrow is crawled tomorrow. */
export function listAppRoutes(root = process.cwd()): AppRoute[] {
  const routes: AppRoute[] = [];
  const walk = (dir: string, urlParts: string[]) => {
    for (const entry of readdirSync(path.join(root, dir), { withFileTypes: true })) {
      if (entry.isDirectory()) {
        if (entry.name.startsWith("_")) continue; // private folder: never a route
        // Route groups `(name)` and parallel slots `@name` do not appear in the URL.
        const inUrl = !/^\(.*\)$/.test(entry.name) && !entry.name.startsWith("@");
        walk(path.join(dir, entry.name), inUrl ? [...urlParts, entry.name] : urlParts);
      } else if (entry.name in FILES) {
        const file = path.join(dir, entry.name);
        const kind = FILES[entry.name as keyof typeof FILES];
        const segments = urlParts
          .map((part) => /^\[\[?(.+?)\]?\]$/.exec(part)?.[1])
          .filter((s): s is string => s !== undefined);
        routes.push({
          file,
          kind,
          pattern: `/${urlParts.join("/")}`,
          segments,
          methods: kind === "page" ? ["GET"] : exportedMethods(file, root),
        });
      }
    }
  };
  walk("app", []);
  return routes.sort((a, b) => a.pattern.localeCompare(b.pattern));
}

/** The HTTP methods a route file exports: `export const GET =`, `export async function POST`, `export { h as GET }`. */
export function exportedMethods(file: string, root = process.cwd()): HttpMethod[] {
  const source = readFileSync(path.join(root, file), "utf8");
  const found = new Set<string>();
  const direct = /export\s+(?:async\s+)?(?:function\s*\*?|const|let|var)\s+([A-Z]+)\b/g;
  for (const match of source.matchAll(direct)) found.add(match[1]);
  for (const match of source.matchAll(/export\s*\{([^}]*)\}/g)) {
    for (const part of match[1].split(",")) {
      const name = part
        .trim()
        .split(/\s+as\s+/)
        .pop();
      if (name) found.add(name);
    }
  }
  const methods = HTTP_METHODS.filter((m) => found.has(m));
  if (methods.length === 0) throw new Error(`${file} exports no HTTP method the crawler can read`);
  return methods;
}

/**
 * Every concrete path of a pattern, each dynamic segment replaced by each of its values. A
 * segment without values fails the test: a new route must say how it is filled.
 */
export function fillPattern(route: AppRoute, values: Record<string, string[] | undefined>) {
  let paths = [""];
  for (const part of route.pattern.split("/").slice(1)) {
    const name = /^\[\[?(.+?)\]?\]$/.exec(part)?.[1];
    const options = name === undefined ? [part] : values[name];
    if (!options || options.length === 0) {
      throw new Error(
        `${route.file}: the crawler has no value for the dynamic segment [${name}]. ` +
          "Add one to segmentValues in e2e/support/crawl-plan.ts.",
      );
    }
    paths = paths.flatMap((p) => options.map((o) => `${p}/${encodeSegment(o, name)}`));
  }
  return paths.map((p) => p || "/");
}

/** A catch-all value is a path: its parts are encoded, its slashes kept. */
const encodeSegment = (value: string, name: string | undefined) =>
  name === undefined
    ? value
    : name.startsWith("...")
      ? value.split("/").map(encodeURIComponent).join("/")
      : encodeURIComponent(value);
