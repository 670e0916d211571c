// The security headers of every response: a Content-Security-Policy chosen by what the path
// serves, and the headers that are the same everywhere. proxy.ts sets them per request (with a
// fresh nonce for pages); next.config.ts sets the fixed ones on the static assets the proxy skips.
// No `import "server-only"`: next.config.ts and the proxy load this outside React's server build.

/**
 * What a response is, as far as its policy goes: an app page (HTML with Next's scripts), a
 * document that never runs script (downloads and their error page, next-auth's built-in pages),
 * or an API answer (JSON).
 */
type ResponseKind = "page" | "document" | "api";

export type PolicyTarget =
  /** `frameAncestors`: the sites that may frame this page (a share link's embed URL); else none. */
  { kind: "page"; nonce: string; frameAncestors?: string[] } | { kind: "document" | "api" };

type SecurityOptions = {
  /** The app is served over https (NEXTAUTH_URL says so): add HSTS and upgrade-insecure-requests. */
  https: boolean;
  /** `next dev`: React's debugging aids need eval and the dev server injects <style> tags. */
  dev: boolean;
};

/** The same on every response, static assets included. */
export const FIXED_SECURITY_HEADERS = {
  "X-Content-Type-Options": "nosniff",
  "X-Frame-Options": "DENY",
  // URLs carry filter values (partner names and emails): send them to no other site.
  "Referrer-Policy": "same-origin",
} as const;

// Two years; no includeSubDomains: a self-hosted app must not decide for its parent domain's hosts.
const STRICT_TRANSPORT_SECURITY = "max-age=63072000";

const ROUTE_HANDLERS: [RegExp, ResponseKind][] = [
  [/^\/api\/auth(\/|$)/, "document"],
  [/^\/api\//, "api"],
  [/^\/metrics$/, "api"],
  [/^\/p\/[^/]+\/actions\/export\//, "document"],
  [/^\/p\/[^/]+\/audit\/export$/, "document"],
  [/^\/p\/[^/]+\/actions\/new-count$/, "api"],
  [/^\/deliveries\//, "document"],
  [/^\/unsubscribe\/[^/]+\/one-click$/, "document"],
];

/** Pages unless the path belongs to a route handler; an unknown handler still gets the strict page policy. */
export function responseKind(pathname: string): ResponseKind {
  return ROUTE_HANDLERS.find(([pattern]) => pattern.test(pathname))?.[1] ?? "page";
}

/** An unguessable value for one response: 128 random bits, base64. */
export function createNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes));
}

export function isHttpsUrl(url: string | undefined): boolean {
  try {
    return url !== undefined && new URL(url).protocol === "https:";
  } catch {
    return false;
  }
}

export function contentSecurityPolicy(target: PolicyTarget, options: SecurityOptions): string {
  const directives: string[][] =
    target.kind === "page" ? pageDirectives(target.nonce, options.dev) : noScriptDirectives(target);
  const ancestors = target.kind === "page" ? target.frameAncestors : undefined;
  directives.push(["frame-ancestors", ...(ancestors?.length ? ancestors : ["'none'"])]);
  if (options.https && target.kind !== "api") directives.push(["upgrade-insecure-requests"]);
  return directives.map((words) => words.join(" ")).join("; ");
}

/**
 * Next puts the nonce it finds in the request's policy on its own scripts and <style> tags;
 * 'strict-dynamic' trusts the chunks those scripts load. Components (the chart's bars and colours)
 * render style attributes, which cannot carry a nonce: style-src-attr allows them and nothing else inline.
 */
function pageDirectives(nonce: string, dev: boolean): string[][] {
  return [
    ["default-src", "'self'"],
    [
      "script-src",
      "'self'",
      `'nonce-${nonce}'`,
      "'strict-dynamic'",
      ...(dev ? ["'unsafe-eval'"] : []),
    ],
    // A nonce in the list would switch 'unsafe-inline' off: dev needs its injected <style> tags.
    ["style-src", "'self'", dev ? "'unsafe-inline'" : `'nonce-${nonce}'`],
    ["style-src-attr", "'unsafe-inline'"],
    ["img-src", "'self'", "data:", "blob:"],
    ["font-src", "'self'"],
    ["object-src", "'none'"],
    ["base-uri", "'none'"],
    ["form-action", "'self'"],
  ];
}

function noScriptDirectives(target: PolicyTarget): string[][] {
  if (target.kind === "api") return [["default-src", "'none'"]];
  // Download error pages and next-auth's sign-out page: inline CSS and a form back to this site.
  return [
    ["default-src", "'none'"],
    ["style-src", "'unsafe-inline'"],
    ["img-src", "'self'", "data:"],
    ["base-uri", "'none'"],
    ["form-action", "'self'"],
  ];
}

/** Every security header of one response. */
export function securityHeaders(
  target: PolicyTarget,
  options: SecurityOptions,
): Record<string, string> {
  const framed = target.kind === "page" && Boolean(target.frameAncestors?.length);
  const fixed: Record<string, string> = { ...FIXED_SECURITY_HEADERS };
  // X-Frame-Options has no list of sites: a page some sites may frame says so in its policy only.
  if (framed) delete fixed["X-Frame-Options"];
  return {
    "Content-Security-Policy": contentSecurityPolicy(target, options),
    ...fixed,
    ...(options.https ? { "Strict-Transport-Security": STRICT_TRANSPORT_SECURITY } : {}),
  };
}
