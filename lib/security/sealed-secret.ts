// Secrets kept at rest (a PartnerStack secret key, a webhook secret) sealed with AES-256-GCM under
// a key derived from ACTIONBOARD_ENCRYPTION_KEY. Without that variable nothing is sealed or opened:
// the caller refuses, naming the variable, rather than store a secret in the clear.
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";
import { config } from "../config/config.mjs";

export const ENCRYPTION_KEY_VARIABLE = "ACTIONBOARD_ENCRYPTION_KEY";
const VERSION = "v1";

export class MissingEncryptionKeyError extends Error {
  constructor() {
    super(
      `${ENCRYPTION_KEY_VARIABLE} is not set: secrets cannot be stored encrypted. Set it to a long random value (e.g. \`openssl rand -base64 32\`) and restart.`,
    );
  }
}

/** The configured key material, or null (also for one too short to be a key). */
export function encryptionKeyFrom(): string | null {
  const value = config().ACTIONBOARD_ENCRYPTION_KEY;
  return value && value.length >= 16 ? value : null;
}

function aesKey(material: string): Buffer {
  return Buffer.from(hkdfSync("sha256", material, "", "actionboard sealed secrets", 32));
}

function requireKey(material: string | null | undefined): Buffer {
  const key = material ?? encryptionKeyFrom();
  if (!key) throw new MissingEncryptionKeyError();
  return aesKey(key);
}

/** `v1.<iv>.<tag>.<ciphertext>` (base64url): a fresh IV each time, authenticated. */
export function seal(plain: string, material?: string | null): string {
  const key = requireKey(material);
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  const body = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
  const parts = [iv, cipher.getAuthTag(), body].map((part) => part.toString("base64url"));
  return [VERSION, ...parts].join(".");
}

/** The plain text; throws when the key differs from the one that sealed it or the text was changed. */
export function unseal(sealed: string, material?: string | null): string {
  const key = requireKey(material);
  const [version, iv, tag, body] = sealed.split(".");
  if (version !== VERSION || !iv || !tag || body === undefined) {
    throw new Error("The stored secret is not in a format this version can read.");
  }
  const decipher = createDecipheriv("aes-256-gcm", key, Buffer.from(iv, "base64url"));
  decipher.setAuthTag(Buffer.from(tag, "base64url"));
  try {
    return Buffer.concat([
      decipher.update(Buffer.from(body, "base64url")),
      decipher.final(),
    ]).toString("utf8");
  } catch {
    throw new Error(
      `The stored secret cannot be opened: ${ENCRYPTION_KEY_VARIABLE} differs from the key it was sealed with.`,
    );
  }
}
