import "server-only";
import { NextRequest } from "next/server";
import { jsonObjectText } from "./json-object-text";
import { safeCallbackUrl } from "./safe-callback-url";

const CALLBACK_COOKIES = ["next-auth.callback-url", "__Secure-next-auth.callback-url"];
/** Far above any form next-auth's endpoints take (sign-in is read again, capped, later). */
const MAX_FORM_BYTES = 64 * 1024;

/**
 * Whether next-auth will take a callback URL without failing: its own test (an http(s) URL, a path
 * resolved against the site). Where it then sends the browser is its `redirect` callback's choice,
 * which keeps to this site.
 */
function acceptable(value: string, base: string): boolean {
  try {
    return /^https?:$/.test(new URL(value, value.startsWith("/") ? base : undefined).protocol);
  } catch {
    return false;
  }
}

const refusal = (status: number, message: string, field?: string, headers?: HeadersInit) =>
  Response.json({ status, field, message }, { status, headers });

function badCookie(request: Request, base: string): Response | null {
  const cookies = request.headers.get("cookie") ?? "";
  for (const name of CALLBACK_COOKIES) {
    const match = new RegExp(`(?:^|;\\s*)${name.replace(/[.]/g, "\\.")}=([^;]*)`).exec(cookies);
    if (!match) continue;
    let value: string;
    try {
      value = decodeURIComponent(match[1]);
    } catch {
      value = "%";
    }
    if (!acceptable(value, base)) {
      return refusal(
        400,
        `the ${name} cookie is not a usable URL; it was cleared, try again`,
        name,
        { "set-cookie": `${name}=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax` },
      );
    }
  }
  return null;
}

/**
 * next-auth answers a callback URL it cannot parse with a 500: `?callbackUrl=x` or `%ZZ` fail its
 * config check, the same in a posted form its redirect callback, and in its callback-url cookie
 * both. Its endpoints get a cleaned request instead: a bad `callbackUrl` (query or form) becomes a
 * same-site path (the home page when nothing of it is usable), and a bad cookie is a 400 that
 * clears it. The credentials callback answers POST only (405 otherwise, where next-auth 500s).
 */
export async function cleanAuthRequest(
  request: Request,
  action: string | undefined,
  provider: string | undefined,
): Promise<Request | Response> {
  const url = new URL(request.url);
  if (action === "callback" && provider === "credentials" && request.method !== "POST") {
    return refusal(405, "sign in with a POST of the sign-in form", undefined, { allow: "POST" });
  }
  const cookie = badCookie(request, url.origin);
  if (cookie) return cookie;

  let changed = false;
  const query = url.searchParams.get("callbackUrl");
  if (query !== null && !acceptable(query, url.origin)) {
    url.searchParams.set("callbackUrl", safeCallbackUrl(query));
    changed = true;
  }
  let body: string | undefined;
  const type = (request.headers.get("content-type") ?? "").split(";")[0].trim().toLowerCase();
  if (request.method === "POST" && type === "application/x-www-form-urlencoded") {
    body = await request.text();
    if (Buffer.byteLength(body) > MAX_FORM_BYTES) {
      return refusal(413, `a form holds at most ${MAX_FORM_BYTES / 1024} KB`);
    }
    const form = new URLSearchParams(body);
    const posted = form.get("callbackUrl");
    if (posted !== null && !acceptable(posted, url.origin)) {
      form.set("callbackUrl", safeCallbackUrl(posted));
      body = form.toString();
    }
    changed = true; // the body was read: the request is rebuilt around it
  } else if (request.method === "POST" && type === "application/json") {
    body = await request.text();
    if (Buffer.byteLength(body) > MAX_FORM_BYTES) {
      return refusal(413, `a body holds at most ${MAX_FORM_BYTES / 1024} KB`);
    }
    const json = jsonObjectText(body);
    if ("problem" in json) return refusal(400, json.problem);
    const fields = json.object;
    const posted = fields.callbackUrl;
    if (posted !== undefined && (typeof posted !== "string" || !acceptable(posted, url.origin))) {
      fields.callbackUrl = safeCallbackUrl(typeof posted === "string" ? posted : "");
      body = JSON.stringify(fields);
    }
    changed = true;
  }
  if (!changed) return request;
  const headers = new Headers(request.headers);
  headers.delete("content-length");
  return new NextRequest(url, { method: request.method, headers, body });
}
