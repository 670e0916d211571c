import { BlockList, isIP } from "node:net";

// Addresses a webhook (or a PartnerStack import) may not reach: this host, private networks, link-local (cloud metadata),
// carrier-grade NAT, multicast and the unspecified address. Otherwise anyone who may add a
// webhook could make the server probe its own network.
const blocked = new BlockList();
for (const [net, prefix] of [
  ["0.0.0.0", 8],
  ["10.0.0.0", 8],
  ["100.64.0.0", 10],
  ["127.0.0.0", 8],
  ["169.254.0.0", 16],
  ["172.16.0.0", 12],
  ["192.168.0.0", 16],
  ["224.0.0.0", 3],
] as const) {
  blocked.addSubnet(net, prefix, "ipv4");
}
for (const [net, prefix] of [
  ["::", 128],
  ["::1", 128],
  ["fc00::", 7],
  ["fe80::", 10],
  ["ff00::", 8],
] as const) {
  blocked.addSubnet(net, prefix, "ipv6");
}

/** Whether an IP address is one a webhook may not reach (IPv4-mapped IPv6 read as IPv4). */
export function isPrivateAddress(address: string): boolean {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address)?.[1];
  if (mapped) return blocked.check(mapped, "ipv4");
  const family = isIP(address);
  if (family === 0) return false;
  return blocked.check(address, family === 4 ? "ipv4" : "ipv6");
}

/** A URL's host when it names a private address outright (an IP literal or localhost). */
export function privateHostOf(url: string): string | null {
  const host = new URL(url).hostname.replace(/^\[|\]$/g, "").toLowerCase();
  if (host === "localhost" || host.endsWith(".localhost")) return host;
  return isPrivateAddress(host) ? host : null;
}

/** DELIVERY_WEBHOOK_PRIVATE=allow: webhooks may reach private addresses (tests, closed networks). */
export const privateWebhooksAllowed = () => process.env.DELIVERY_WEBHOOK_PRIVATE === "allow";
