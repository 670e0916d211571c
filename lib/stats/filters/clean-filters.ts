import type { ActionsTabFilters } from "../url/search-params";
import { FILTERS } from "./filters";

/**
 * Filters as the bar applies them: text trimmed, and a multi-select's condition without a choice
 * back to its default ("any"), so the URL holds no no-op parameters.
 */
export function cleanFilters(draft: ActionsTabFilters): ActionsTabFilters {
  const clean: Record<string, unknown> = { ...draft };
  for (const f of FILTERS) {
    if (f.kind === "text") clean[f.key] = draft[f.key].trim();
    if (f.kind === "ids" && !draft[f.key].length) clean[f.opKey] = f.opValues[0];
    if (f.kind === "property" && !draft[f.key].key) clean[f.opKey] = f.opValues[0];
  }
  return clean as ActionsTabFilters;
}
