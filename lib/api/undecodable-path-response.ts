import { ApiError } from "./api-error";
import { apiErrorResponse } from "./envelope";
import { escapeHtml } from "../format/escape-html";

/** The path parameter each dynamic API route names, for a 400 that says which one is bad. */
const API_PATH_PARAMETERS: [RegExp, string][] = [
  [/^\/api\/v2\/actions\/[^/]+\/?$/, "key"],
  [/^\/api\/v2\/customers\/[^/]+\/?$/, "customer_key"],
  [/^\/api\/v2\/partnerships\/[^/]+\/?$/, "partner_key"],
  [/^\/api\/v2\/groups\/[^/]+\/?$/, "group_key"],
  [/^\/api\/v2\/tags\/[^/]+\/?$/, "tag_name"],
];

/** The first path segment that is not valid percent-encoded UTF-8 (`a%ffb`, `%E0%A4%A`), or null. */
export function undecodableSegment(pathname: string): string | null {
  for (const segment of pathname.split("/")) {
    try {
      decodeURIComponent(segment);
    } catch {
      return segment;
    }
  }
  return null;
}

/**
 * A 400 for a path with a segment that does not percent-decode, or null when every segment does.
 *
 * For the proxy: Next decodes dynamic segments while matching routes, before any route handler
 * or page runs, and answers a failure with a plain-text 500 (an App Router app has no error page
 * for a 400). The public API answers in its JSON envelope naming the path parameter; pages get a
 * short HTML page without scripts.
 */
export function undecodablePathResponse(pathname: string): Response | null {
  const segment = undecodableSegment(pathname);
  if (segment === null) return null;
  if (pathname.startsWith("/api/")) {
    const field = API_PATH_PARAMETERS.find(([re]) => re.test(pathname))?.[1] ?? "path";
    return apiErrorResponse(
      new ApiError(
        400,
        `The path parameter ${field} is not valid percent-encoding ("${segment}").`,
        [{ field, message: "is not valid percent-encoding" }],
      ),
    );
  }
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Bad address</title></head><body><main><p>400 · Bad address</p><p>The address holds “${escapeHtml(segment)}”, which is not valid percent-encoding. Check the link.</p><p><a href="/">Go to my programs</a></p></main></body></html>`;
  return new Response(html, {
    status: 400,
    headers: { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" },
  });
}
