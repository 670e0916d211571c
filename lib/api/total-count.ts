import "server-only";
import type { TotalCount } from "../db/keyset-page";
import { apiResponse } from "./envelope";

/**
 * The count a request prefers for a list's `total`: the planner's estimate when its Prefer header
 * says `count=planned` (RFC 7240; the word PostgREST uses), else an exact count. A client reading
 * every page of a long list — an import from this Actionboard — does not need the total, and an
 * exact count per page makes reading N rows cost N²: 130 ms a page at 200,000 actions.
 */
function totalCountOf(request: Request): TotalCount {
  const preferences = (request.headers.get("prefer") ?? "").split(/[,;]/);
  return preferences.some((p) => p.trim().toLowerCase() === "count=planned") ? "planned" : "exact";
}

/**
 * A list's answer: `list` read with the count the request prefers, and `Preference-Applied` when
 * its total is an estimate.
 */
export async function listResponse(
  request: Request,
  list: (count: TotalCount) => Promise<unknown>,
) {
  const count = totalCountOf(request);
  return apiResponse(await list(count), undefined, {
    headers: count === "planned" ? { "preference-applied": "count=planned" } : undefined,
  });
}
