// Who is asking: the address the per-address sign-in limit counts. Forwarded headers are the
// client's own words unless a proxy we run wrote them, so they are read only when TRUST_PROXY says
// how many proxies stand in front of the app; otherwise the TCP peer decides, which the app's server
// (scripts/start-server.mjs) hands to the handlers in PEER_HEADER, overwriting whatever a client sent.

import { config, type Env } from "../config/config.mjs";

/** Set by scripts/start-server.mjs from the socket on every request (a client's own is replaced). */
export const PEER_HEADER = "x-actionboard-peer";

/**
 * TRUST_PROXY: unset, empty or `0` = no proxy; `1`–`10` = that many proxies append to
 * X-Forwarded-For. `env`: an environment other than this process's (tests).
 */
export const trustedProxies = (env?: Env): number => config(env).TRUST_PROXY ?? 0;

/**
 * The client's address. Without trusted proxies: the TCP peer. With n of them: the address the
 * n-th proxy from us saw, i.e. the n-th entry from the right of X-Forwarded-For followed by the
 * peer; entries to its left are whatever the client claimed, and never count.
 */
export function clientAddress(headers: Headers, env?: Env): string {
  const peer = headers.get(PEER_HEADER)?.trim() || null;
  const proxies = trustedProxies(env);
  if (proxies === 0) return peer ?? "unknown";
  const chain = (headers.get("x-forwarded-for") ?? "")
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
  if (peer) chain.push(peer);
  return chain[Math.max(0, chain.length - 1 - proxies)] ?? "unknown";
}
