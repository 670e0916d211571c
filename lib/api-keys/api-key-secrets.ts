import { createHash, randomBytes, timingSafeEqual } from "node:crypto";

// Public key `pk_<mode>_<id>`; secret `sk_<mode>_<id>_<random>`. The secret embeds the public
// key's id, so a Bearer request (secret only) finds its key through the same unique index.
const SECRET_RE = /^sk_(live|test)_([A-Za-z0-9]{16,64})_([A-Za-z0-9_-]{20,128})$/;

export function generateApiKeyPair(mode: "live" | "test") {
  const id = randomBytes(12).toString("hex");
  return {
    publicKey: `pk_${mode}_${id}`,
    secret: `sk_${mode}_${id}_${randomBytes(24).toString("base64url")}`,
  };
}

/** Secrets are long random strings, so a fast hash stores them safely (as GitHub does for tokens). */
export function hashSecret(secret: string): string {
  return createHash("sha256").update(secret).digest("hex");
}

export function secretMatches(secret: string, storedHash: string): boolean {
  const actual = Buffer.from(hashSecret(secret), "hex");
  const expected = Buffer.from(storedHash, "hex");
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

export function publicKeyForSecret(secret: string): string | null {
  const match = SECRET_RE.exec(secret);
  return match ? `pk_${match[1]}_${match[2]}` : null;
}

export type Credentials = { publicKey: string; secret: string };

/** HTTP Basic `public:secret` (as PartnerStack) or `Bearer <secret>`; null when absent or malformed. */
export function parseAuthorization(header: string | null): Credentials | null {
  if (!header) return null;
  const [scheme, value = ""] = header.trim().split(/\s+/, 2);
  if (/^basic$/i.test(scheme)) {
    const decoded = Buffer.from(value, "base64").toString("utf8");
    const colon = decoded.indexOf(":");
    if (colon < 0) return null;
    return { publicKey: decoded.slice(0, colon), secret: decoded.slice(colon + 1) };
  }
  if (/^bearer$/i.test(scheme)) {
    const publicKey = publicKeyForSecret(value);
    return publicKey ? { publicKey, secret: value } : null;
  }
  return null;
}
