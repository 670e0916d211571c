import "server-only";
import type { TotalCount } from "../db/keyset-page";

/**
 * The count a request prefers for a list's `total`: the planner's estimate when its Prefer header
 * says `count=planned` (RFC 7240; the word PostgREST uses), else an exact count. A client reading
 * every page of a long list — an import from this Actionboard — does not need the total, and an
 * exact count per page makes reading N rows cost N²: 130 ms a page at 200,000 actions.
 */
export function totalCountOf(request: Request): TotalCount {
  const preferences = (request.headers.get("prefer") ?? "").split(/[,;]/);
  return preferences.some((p) => p.trim().toLowerCase() === "count=planned") ? "planned" : "exact";
}

/** The answer's headers: `Preference-Applied` when the total is an estimate. */
export function totalCountHeaders(count: TotalCount): Record<string, string> | undefined {
  return count === "planned" ? { "preference-applied": "count=planned" } : undefined;
}
