import "server-only";
import { createHash, randomBytes, timingSafeEqual } from "node:crypto";

// The first-run setup's token: SETUP_TOKEN when set (several processes must agree on it), else one
// made per server process at start and printed in its log with the setup link. Kept on globalThis:
// instrumentation and the pages are separate module graphs of one process.
const store = globalThis as typeof globalThis & { __actionboardSetupToken?: string };

export function setupToken(env: Record<string, string | undefined> = process.env): string {
  const configured = env.SETUP_TOKEN?.trim();
  if (configured) return configured;
  return (store.__actionboardSetupToken ??= randomBytes(24).toString("base64url"));
}

const digest = (text: string) => createHash("sha256").update(text).digest();

/** Whether a visitor's token is this server's setup token (compared in constant time). */
export function setupTokenMatches(
  given: unknown,
  env: Record<string, string | undefined> = process.env,
): boolean {
  return typeof given === "string" && timingSafeEqual(digest(given), digest(setupToken(env)));
}

/** The link the log prints while no account exists. */
export const setupLink = (baseUrl: string, token: string) =>
  `${baseUrl.replace(/\/+$/, "")}/setup?token=${encodeURIComponent(token)}`;
