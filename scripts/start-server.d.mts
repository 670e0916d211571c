// Types of what lib/security/client-address.test.ts reads from the server script.
export const PEER_HEADER: string;
export function trustedProxies(raw?: string): number;
export function stampPeer(
  headers: Record<string, string | string[] | undefined>,
  remoteAddress: string | undefined,
  proxies?: number,
): void;
