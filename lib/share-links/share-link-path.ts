import { randomBytes } from "node:crypto";
import { frameParam } from "./embed-origins";

/** A link's capability: 32 random bytes, base64url (43 characters). */
export function newShareToken(): string {
  return randomBytes(32).toString("base64url");
}

/** Where a share link opens, on this server: the program's id and the token. */
export function shareLinkPath(programId: number, token: string): string {
  return `/share/${programId}/${token}`;
}

/** The URL another site's <iframe> opens: the link with the sites that may frame it. */
export function embedPath(programId: number, token: string, origins: string[]): string {
  return `${shareLinkPath(programId, token)}?frame=${frameParam(origins)}`;
}

/** Tokens this server makes; anything else in the URL is not looked up. */
export const SHARE_TOKEN_FORM = /^[A-Za-z0-9_-]{43}$/;
