// Capabilities in a URL: a small JSON payload and its HMAC-SHA256 under the server's secret,
// both base64url. Used by the webhook's download links and the emails' unsubscribe links, which
// work signed out, so the signature is all that stands between a guess and the data.
import { createHmac, timingSafeEqual } from "node:crypto";
import { z } from "zod";

const mac = (purpose: string, body: string, secret: string) =>
  createHmac("sha256", secret).update(`${purpose}.${body}`).digest();

/** `<payload>.<signature>`; `purpose` keeps a token of one kind from passing as another. */
export function signToken(purpose: string, payload: object, secret: string): string {
  const body = Buffer.from(JSON.stringify(payload)).toString("base64url");
  return `${body}.${mac(purpose, body, secret).toString("base64url")}`;
}

/** The payload of a token this server signed for `purpose`, read through `schema`; else null. */
export function readToken<S extends z.ZodType>(
  purpose: string,
  token: string,
  secret: string,
  schema: S,
): z.output<S> | null {
  const [body, signature, ...rest] = token.split(".");
  if (!body || !signature || rest.length) return null;
  const given = Buffer.from(signature, "base64url");
  const expected = mac(purpose, body, secret);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  try {
    const parsed = schema.safeParse(JSON.parse(Buffer.from(body, "base64url").toString("utf8")));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
