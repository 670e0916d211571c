import { BlockList, isIP } from "node:net";
import ipaddr from "ipaddr.js";
import { config } from "../config/config.mjs";

// Addresses a webhook (or a PartnerStack import) may not reach: anything but a global unicast
// address. ipaddr.js classifies by the IANA special-purpose registries (loopback, private, link-local
// and cloud metadata, carrier-grade NAT, documentation and benchmarking nets, 6to4, Teredo, NAT64,
// site-local, multicast, reserved…), so the list is the maintained one, not ours. Otherwise anyone
// who may add a webhook or a source could make the server probe its own network.

// The deprecated IPv4-compatible ::a.b.c.d, which ipaddr.js parses as if it were ::ffff:a.b.c.d.
const ipv4Compatible = new BlockList();
ipv4Compatible.addSubnet("::", 96, "ipv6");

/** Whether an IP address is one the server may not reach (IPv4-mapped IPv6 judged as its IPv4). */
export function isPrivateAddress(address: string): boolean {
  if (!ipaddr.isValid(address)) return false;
  if (isIP(address) === 6 && ipv4Compatible.check(address, "ipv6")) return true;
  const parsed = ipaddr.parse(address);
  // ::ffff:a.b.c.d reaches a.b.c.d.
  if (parsed.kind() === "ipv6") {
    const v6 = parsed as ipaddr.IPv6;
    if (v6.range() === "ipv4Mapped" && v6.parts[5] === 0xffff) {
      return v6.toIPv4Address().range() !== "unicast";
    }
  }
  return parsed.range() !== "unicast";
}

/** A URL's host when it names a private address outright (an IP literal or localhost). */
export function privateHostOf(url: string): string | null {
  const host = new URL(url).hostname
    .replace(/^\[|\]$/g, "")
    .replace(/\.$/, "")
    .toLowerCase();
  if (host === "localhost" || host.endsWith(".localhost")) return host;
  return isPrivateAddress(host) ? host : null;
}

/** DELIVERY_WEBHOOK_PRIVATE=allow: webhooks may reach private addresses (tests, closed networks). */
export const privateWebhooksAllowed = () => config().DELIVERY_WEBHOOK_PRIVATE === "allow";
