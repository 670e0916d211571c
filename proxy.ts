import { getToken } from "next-auth/jwt";
import { NextResponse, type NextRequest } from "next/server";
import { getAuthSecret } from "./lib/auth/auth-secret";

const SIGN_IN_PATH = "/signin";

// Signed-out visitors of any app page go to sign-in, carrying the full URL (path and query) so
// a shared, filtered link opens exactly as sent once they are in. Membership is checked by the
// program layout; the public API authenticates with keys instead.
export async function proxy(request: NextRequest) {
  const token = await getToken({ req: request, secret: getAuthSecret() });
  if (token) return NextResponse.next();
  const { pathname, search } = request.nextUrl;
  const url = request.nextUrl.clone();
  url.pathname = SIGN_IN_PATH;
  url.search = "";
  if (pathname !== "/") url.searchParams.set("callbackUrl", `${pathname}${search}`);
  return NextResponse.redirect(url);
}

export const config = {
  matcher: ["/((?!api/auth|api/v2|docs|signin|_next/|favicon.ico|robots.txt).*)"],
};
