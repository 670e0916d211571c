/**
 * A server action posted from another site (its Origin's host is not ours). Next refuses it too,
 * but by throwing, which answers a 500; the proxy answers 403 first. Same comparison as Next's:
 * the Origin's host against X-Forwarded-Host, else Host. No Origin (an old browser, a script) is
 * left to Next, as it allows it.
 */
export function isForeignServerAction(method: string, headers: Headers): boolean {
  if (method !== "POST" || !headers.has("next-action")) return false;
  const origin = headers.get("origin");
  if (!origin) return false;
  let originHost: string;
  try {
    originHost = new URL(origin).host;
  } catch {
    return true; // "null" (a sandboxed frame, a file) or junk: not this site
  }
  const host = headers.get("x-forwarded-host") ?? headers.get("host");
  return originHost !== host;
}
