import type { RawSearchParams } from "../stats/url/load-tab-state";

/** What a share link's URL may change of its view: the table's page and the chart's hidden series. */
const VISITOR_KEYS = ["page", "hidden"] as const;

/**
 * The saved view's query with the visitor's page and hidden series: every filter, the timeframe,
 * the breakdowns and the sort are the view's, whatever the URL says.
 */
export function sharedViewQuery(viewQuery: string, search: RawSearchParams): RawSearchParams {
  const query: RawSearchParams = Object.fromEntries(new URLSearchParams(viewQuery));
  for (const key of VISITOR_KEYS) {
    const value = search[key];
    if (typeof value === "string") query[key] = value;
    else delete query[key];
  }
  return query;
}
