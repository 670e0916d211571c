import "server-only";
import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import { config, type Env } from "../config/config.mjs";

// The first-run setup's token: SETUP_TOKEN when set (several processes must agree on it), else one
// made per server process at start and printed in its log with the setup link. Kept on globalThis:
// instrumentation and the pages are separate module graphs of one process.
const store = globalThis as typeof globalThis & { __actionboardSetupToken?: string };

/** `env`: an environment other than this process's (tests). */
export function setupToken(env?: Env): string {
  const configured = config(env).SETUP_TOKEN;
  if (configured) return configured;
  return (store.__actionboardSetupToken ??= randomBytes(24).toString("base64url"));
}

const digest = (text: string) => createHash("sha256").update(text).digest();

/** Whether a visitor's token is this server's setup token (compared in constant time). */
export function setupTokenMatches(given: unknown, env?: Env): boolean {
  return typeof given === "string" && timingSafeEqual(digest(given), digest(setupToken(env)));
}

/** The link the log prints while no account exists. */
export const setupLink = (baseUrl: string, token: string) =>
  `${baseUrl.replace(/\/+$/, "")}/setup?token=${encodeURIComponent(token)}`;
