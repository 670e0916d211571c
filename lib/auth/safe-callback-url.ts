const BASE = "http://callback.invalid";

/**
 * Only same-site paths are followed after sign-in, so the sign-in page is no open redirect.
 * Browsers drop tabs and line breaks from URLs (`/\t/evil.example` becomes `//evil.example`) and
 * treat `\` as `/`, so those are refused outright; what remains must resolve to this site.
 */
export function safeCallbackUrl(value: string | null | undefined, fallback = "/"): string {
  if (!value || !value.startsWith("/") || /[\u0000-\u001f\u007f\\]/.test(value)) return fallback;
  let url: URL;
  try {
    url = new URL(value, BASE);
  } catch {
    return fallback;
  }
  if (url.origin !== BASE) return fallback;
  // What is handed on is resolved again by the browser: a cleaned path may itself start with `//`
  // (`/.//evil.example`, `/x/..//evil.example`), which a browser reads as another site.
  const path = `${url.pathname}${url.search}${url.hash}`;
  if (path.startsWith("//") || new URL(path, BASE).origin !== BASE) return fallback;
  return path;
}
