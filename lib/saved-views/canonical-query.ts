import { loadTabState } from "../stats/url/load-tab-state";
import { serializeTabUrl } from "../stats/url/search-params";

/**
 * A view's filters as the tab writes them (defaults left out, keys in one order, bad values
 * dropped), without "?": two queries are the same view exactly when these are equal. Saved views
 * are stored in this form and compared in it, so an old or hand-made query still matches.
 */
export function canonicalViewQuery(query: string): string {
  const { filters } = loadTabState(Object.fromEntries(new URLSearchParams(query)), "filters");
  return serializeTabUrl("", filters).replace(/^\?/, "");
}
