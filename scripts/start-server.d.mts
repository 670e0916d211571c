// Types of what lib/security/client-address.test.ts reads from the server script.
export const PEER_HEADER: string;
export function trustedProxies(raw?: string): number;
export function stampPeer(
  headers: Record<string, string | string[] | undefined>,
  remoteAddress: string | undefined,
  proxies?: number,
): void;
export const MAX_BODY_BYTES: number;
export function screenRequest(req: {
  url?: string;
  headers: Record<string, string | string[] | undefined>;
}): { status: number; message: string } | null;
export function signInProblems(env: Record<string, string | undefined>): string[];
export function productionSettings(env?: Record<string, string | undefined>): {
  missing: string[];
  warnings: string[];
};
