import "server-only";
import { lookup } from "node:dns/promises";
import { config } from "../config/config.mjs";
import { isPrivateAddress, privateHostOf } from "../security/private-address";

/** PARTNERSTACK_PRIVATE=allow: imports may read from private addresses (tests, the demo, closed networks). */
export const privateSourcesAllowed = () => config().PARTNERSTACK_PRIVATE === "allow";

/**
 * Why the server may not read from this base URL, or null: an owner must not be able to make the
 * server probe its own network (this host, private ranges, cloud metadata) through an import.
 * A name that does not resolve passes here and fails on its request with that request's message.
 */
export async function privateSourceProblem(baseUrl: string): Promise<string | null> {
  if (privateSourcesAllowed()) return null;
  const literal = privateHostOf(baseUrl);
  const refuse = (what: string) =>
    `${what} is a private address: imports read only from public ones (PARTNERSTACK_PRIVATE=allow on closed networks).`;
  if (literal) return refuse(literal);
  const host = new URL(baseUrl).hostname.replace(/^\[|\]$/g, "");
  const addresses = await lookup(host, { all: true }).catch(() => []);
  const found = addresses.find((a) => isPrivateAddress(a.address));
  return found ? refuse(`${host} (${found.address})`) : null;
}
