// Which sites may show a share link in an <iframe>: origins the link's owner listed, carried in
// the embed URL (`?frame=`) so the proxy can write the response's `frame-ancestors` without a
// database; the page shows the view only when that list is exactly the link's (else a 404).
// No `import "server-only"`, no zod: the proxy and the create form's checks load it.

export const MAX_EMBED_ORIGINS = 10;

/** An origin as the header lists it: scheme, host, optional port; nothing the policy would misread. */
export const ORIGIN = /^https?:\/\/[a-z0-9]([a-z0-9.-]*[a-z0-9])?(:\d{1,5})?$/;

const SHARE_PATH = /^\/share\/\d{1,10}\/[A-Za-z0-9_-]{43}$/;

/**
 * The origins a manager typed (separated by spaces, commas or lines), each as its origin
 * ("https://Wiki.Example.com/" → "https://wiki.example.com"); or what is wrong with one.
 */
export function parseEmbedOrigins(text: string): { origins: string[] } | { problem: string } {
  const words = text.split(/[\s,]+/).filter(Boolean);
  const origins: string[] = [];
  for (const word of words) {
    let url: URL;
    try {
      url = new URL(word);
    } catch {
      return { problem: `“${word}” is not a site address, e.g. https://wiki.example.com` };
    }
    const bare = url.pathname === "/" && !url.search && !url.hash && !url.username;
    if ((url.protocol !== "https:" && url.protocol !== "http:") || !bare) {
      return { problem: `“${word}”: give the site only (https://host or https://host:port)` };
    }
    if (!ORIGIN.test(url.origin)) return { problem: `“${word}” is not a site address` };
    if (!origins.includes(url.origin)) origins.push(url.origin);
  }
  if (origins.length > MAX_EMBED_ORIGINS) {
    return { problem: `At most ${MAX_EMBED_ORIGINS} sites` };
  }
  return { origins };
}

/** The `frame` parameter of an embed URL: the origins, base64url. */
export function frameParam(origins: string[]): string {
  return Buffer.from(origins.join(" ")).toString("base64url");
}

/**
 * The origins an embed URL names, when it is a share link's path with a well-formed `frame`
 * parameter; null otherwise (the page keeps `frame-ancestors 'none'`).
 */
export function embedOriginsOf(pathname: string, frame: string | null): string[] | null {
  if (!SHARE_PATH.test(pathname) || !frame || !/^[A-Za-z0-9_-]{1,2000}$/.test(frame)) return null;
  const origins = Buffer.from(frame, "base64url").toString("utf8").split(" ");
  if (origins.length > MAX_EMBED_ORIGINS || !origins.every((o) => ORIGIN.test(o))) return null;
  return origins;
}
