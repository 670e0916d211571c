import { createHash, randomBytes } from "node:crypto";

/** A random token for a one-time link (256 bits, base64url). Only its hash is stored. */
export const newOneTimeToken = () => randomBytes(32).toString("base64url");

/** What the database keeps of a one-time token: its SHA-256, so a leaked table opens nothing. */
export const tokenHash = (token: string) => createHash("sha256").update(token).digest("base64url");

/** Tokens we issue are 43 base64url characters; anything else is refused before a lookup. */
export const looksLikeToken = (token: unknown): token is string =>
  typeof token === "string" && /^[A-Za-z0-9_-]{43}$/.test(token);
