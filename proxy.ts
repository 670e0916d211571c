import { getToken } from "next-auth/jwt";
import { NextResponse, type NextRequest } from "next/server";
import { undecodablePathResponse } from "./lib/api/undecodable-path-response";
import { getAuthSecret } from "./lib/security/auth-secret";
import { config as settings } from "./lib/config/config.mjs";
import { REQUESTED_PATH_HEADER } from "./lib/programs/moved-program-path";
import { isForeignServerAction } from "./lib/security/foreign-action-origin";
import { embedOriginsOf } from "./lib/share-links/embed-origins";
import { signedEmbedOrigins } from "./lib/share-links/signed-embed";
import {
  createNonce,
  isHttpsUrl,
  responseKind,
  securityHeaders,
  type PolicyTarget,
} from "./lib/security/security-headers";

const SIGN_IN_PATH = "/signin";
// Reachable signed out: the API authenticates with keys, next-auth with its own flow, a
// delivery's download and unsubscribe links with the signature they carry, password resets and
// invitations with their one-time token, first-run setup with the setup token, /metrics with
// METRICS_TOKEN; the health check is for load balancers (it shows no data); a share link shows
// its one saved view to whoever holds the link (and its password, if it has one), an embed URL
// to whoever holds a URL signed with the program's embed secret.
const PUBLIC_PATHS =
  /^\/(api\/auth|api\/v2|api\/partnerstack\/webhooks\/|api\/health$|metrics$|docs|signin|deliveries\/|unsubscribe\/|forgot-password$|reset-password\/|invitations\/|setup$|share\/|embed\/)/;
// Every file of public/: the sign-in page shows the icons, browsers fetch the manifest and its
// icons without cookies, crawlers read robots.txt. e2e/public-files.spec.ts holds this list to
// the folder.
const PUBLIC_FILES =
  /^\/(favicon\.ico|icon\.svg|icon-(192|512|maskable-512)\.png|apple-touch-icon\.png|manifest\.webmanifest|robots\.txt)$/;

// Every response gets its security headers here; pages a fresh CSP nonce, which Next reads from
// the request's Content-Security-Policy header and puts on its scripts (so pages render
// dynamically: see app/layout.tsx). Signed-out visitors of any app page go to sign-in, carrying
// the full URL (path and query) so a shared, filtered link opens exactly as sent once they are
// in. Membership is checked by the program layout.
export async function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  const kind = responseKind(pathname);
  const frameAncestors =
    embedOriginsOf(pathname, request.nextUrl.searchParams.get("frame")) ??
    signedEmbedOrigins(pathname) ??
    undefined;
  const target: PolicyTarget =
    kind === "page" ? { kind, nonce: createNonce(), frameAncestors } : { kind };
  const headers = securityHeaders(target, {
    https: isHttpsUrl(settings().NEXTAUTH_URL),
    dev: process.env.NODE_ENV === "development",
  });

  // Next would fail to decode such a path while matching routes and answer a plain-text 500.
  const malformed = undecodablePathResponse(pathname);
  if (malformed) {
    for (const [name, value] of Object.entries(headers)) malformed.headers.set(name, value);
    return malformed;
  }

  // Next refuses it as well, but by throwing (a 500).
  if (isForeignServerAction(request.method, request.headers)) {
    const refused = NextResponse.json(
      { status: 403, message: "A server action may only be posted from this site's own pages." },
      { status: 403 },
    );
    for (const [name, value] of Object.entries(headers)) refused.headers.set(name, value);
    return refused;
  }

  let response: NextResponse;
  if (
    PUBLIC_PATHS.test(pathname) ||
    PUBLIC_FILES.test(pathname) ||
    (await getToken({ req: request, secret: getAuthSecret() }))
  ) {
    // Replaces whatever policy the client sent, so the nonce Next applies is always ours.
    const requestHeaders = new Headers(request.headers);
    requestHeaders.set("Content-Security-Policy", headers["Content-Security-Policy"]);
    // What a renamed program's old link asked for, so it can be redirected whole (path and query).
    requestHeaders.set(REQUESTED_PATH_HEADER, `${pathname}${search}`);
    response = NextResponse.next({ request: { headers: requestHeaders } });
  } else {
    const url = request.nextUrl.clone();
    url.pathname = SIGN_IN_PATH;
    url.search = "";
    if (pathname !== "/") url.searchParams.set("callbackUrl", `${pathname}${search}`);
    response = NextResponse.redirect(url);
  }
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  return response;
}

export const config = {
  // Next's own assets skip the proxy; next.config.ts gives them the fixed headers. So do the
  // ingestion endpoints (public, exact paths, the API's hot path): lib/api/envelope.ts gives
  // their answers the API's security headers.
  matcher: ["/((?!_next/|favicon.ico|robots.txt|api/v2/actions$|api/v2/actions/batch$).*)"],
};
