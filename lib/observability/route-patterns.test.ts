// A request's route pattern, as Next matches it: static routes before dynamic ones (in the
// manifest's order), public files, Next's assets, and one label for everything else.
import { mkdtempSync, mkdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { buildRouteMatcher, routeMatcher, UNMATCHED } from "./route-patterns.mjs";

// Entries as `next build` writes them to .next/routes-manifest.json.
const MANIFEST = {
  staticRoutes: [{ page: "/" }, { page: "/api/v2/actions" }, { page: "/api/v2/actions/batch" }],
  dynamicRoutes: [
    { page: "/api/v2/actions/[key]", regex: "^/api/v2/actions/([^/]+?)(?:/)?$" },
    { page: "/api/v2/[...path]", regex: "^/api/v2/(.+?)(?:/)?$" },
    { page: "/p/[slug]", regex: "^/p/([^/]+?)(?:/)?$" },
    { page: "/p/[slug]/actions", regex: "^/p/([^/]+?)/actions(?:/)?$" },
  ],
};

describe("route patterns", () => {
  const routeOf = routeMatcher(MANIFEST, ["/robots.txt", "/icon-192.png"]);

  it("names a request by the route that serves it, never by its path or query", () => {
    expect(routeOf("/")).toBe("/");
    expect(routeOf("/api/v2/actions?limit=10&starting_after=abc")).toBe("/api/v2/actions");
    expect(routeOf("/api/v2/actions/batch")).toBe("/api/v2/actions/batch");
    expect(routeOf("/api/v2/actions/act_123")).toBe("/api/v2/actions/[key]");
    expect(routeOf("/api/v2/no/such/thing")).toBe("/api/v2/[...path]");
    expect(routeOf("/p/acme")).toBe("/p/[slug]");
    expect(routeOf("/p/acme/actions/?timeframe=past_7_days#top")).toBe("/p/[slug]/actions");
    expect(routeOf("/robots.txt")).toBe("/robots.txt");
    expect(routeOf("/_next/static/chunks/abc123.js")).toBe("/_next/static/[...path]");
    expect(routeOf("/_next/image?url=x")).toBe("/_next/[...path]");
    expect(routeOf("/p/acme/nothing-here")).toBe(UNMATCHED);
    expect(routeOf("/wp-login.php")).toBe(UNMATCHED);
  });

  it("reads a build's manifest and public folder", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "routes-"));
    mkdirSync(path.join(dir, ".next"));
    mkdirSync(path.join(dir, "public", "img"), { recursive: true });
    writeFileSync(path.join(dir, ".next", "routes-manifest.json"), JSON.stringify(MANIFEST));
    writeFileSync(path.join(dir, "public", "img", "logo.svg"), "<svg/>");
    const built = buildRouteMatcher(dir);
    expect(built("/img/logo.svg")).toBe("/img/logo.svg");
    expect(built("/p/x/actions")).toBe("/p/[slug]/actions");
  });
});
