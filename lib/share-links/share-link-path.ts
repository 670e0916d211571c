import { randomBytes } from "node:crypto";

/** A link's capability: 32 random bytes, base64url (43 characters). */
export function newShareToken(): string {
  return randomBytes(32).toString("base64url");
}

/** Where a share link opens, on this server: the program's id and the token. */
export function shareLinkPath(programId: number, token: string): string {
  return `/share/${programId}/${token}`;
}

/** Tokens this server makes; anything else in the URL is not looked up. */
export const SHARE_TOKEN_FORM = /^[A-Za-z0-9_-]{43}$/;
