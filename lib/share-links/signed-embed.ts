// Signed embedding, as Metabase's: an application that holds the program's embed secret signs
// which saved view to show, until when, with which filters locked, and which sites may frame it;
// the signature is the permission. `<payload>.<signature>`, both base64url: the payload is JSON,
// the signature HMAC-SHA256 of the payload's base64url text under the secret.
// No `import "server-only"`: the proxy reads the sites (unverified: the page verifies before it
// shows anything) and applications' example code mirrors it.
import { createHmac, timingSafeEqual } from "node:crypto";
import { z } from "zod";
import { MAX_EMBED_ORIGINS, ORIGIN } from "./embed-origins";

export const signedEmbedPayload = z.object({
  /** The saved view's id in the program. */
  view: z.number().int().min(1),
  /** Until when (Unix seconds) the URL opens. */
  exp: z.number().int().min(0),
  /** Filters set on top of the view's, in the tab's URL form (`{"partner": "ptn_1"}`). */
  params: z.record(z.string(), z.string()).optional(),
  /** The sites that may frame it; none: no site. */
  origins: z.array(z.string().regex(ORIGIN)).max(MAX_EMBED_ORIGINS).optional(),
});

export type SignedEmbed = z.output<typeof signedEmbedPayload>;

const mac = (body: string, secret: string) => createHmac("sha256", secret).update(body).digest();

/** `<payload>.<signature>`: what an application puts after `/embed/<program id>/`. */
export function signEmbed(payload: SignedEmbed, secret: string): string {
  const body = Buffer.from(JSON.stringify(payload)).toString("base64url");
  return `${body}.${mac(body, secret).toString("base64url")}`;
}

const TOKEN = /^([A-Za-z0-9_-]{1,4000})\.([A-Za-z0-9_-]{43})$/;

/** The payload of a token signed with `secret` and not yet expired; null otherwise. */
export function readSignedEmbed(token: string, secret: string, now = Date.now()) {
  const parts = TOKEN.exec(token);
  if (!parts) return null;
  const expected = mac(parts[1], secret);
  const given = Buffer.from(parts[2], "base64url");
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  const payload = parseBody(parts[1]);
  if (!payload || payload.exp * 1000 <= now) return null;
  return payload;
}

function parseBody(body: string): SignedEmbed | null {
  try {
    const parsed = signedEmbedPayload.safeParse(
      JSON.parse(Buffer.from(body, "base64url").toString("utf8")),
    );
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/**
 * The sites an embed URL's payload names, read without its signature (for the response's
 * `frame-ancestors`); null when the path is no embed URL or the list is not all origins.
 */
export function signedEmbedOrigins(pathname: string): string[] | null {
  const match = /^\/embed\/\d{1,10}\/([^/]+)$/.exec(pathname);
  const parts = match && TOKEN.exec(match[1]);
  const origins = parts ? parseBody(parts[1])?.origins : undefined;
  return origins?.length ? origins : null;
}
