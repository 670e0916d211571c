/**
 * The header `proxy.ts` sets on every request it lets through (a client's own value replaced): the
 * path and query asked for, which a page cannot otherwise know.
 */
export const REQUESTED_PATH_HEADER = "x-actionboard-path";

/**
 * Where a request for a renamed program goes: the same path and query under the new slug.
 * `requested` is the path and query asked for (`/p/old/actions?timeframe=…`); anything that is not
 * under `/p/<oldSlug>` goes to the program's start instead.
 */
export function movedProgramPath(requested: string | null, oldSlug: string, newSlug: string) {
  const target = `/p/${encodeURIComponent(newSlug)}`;
  const prefix = `/p/${encodeURIComponent(oldSlug)}`;
  if (!requested?.startsWith(prefix)) return target;
  const rest = requested.slice(prefix.length);
  if (rest !== "" && !rest.startsWith("/") && !rest.startsWith("?")) return target;
  return `${target}${rest}`;
}
