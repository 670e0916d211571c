import type { TextFilter } from "@/lib/stats/filters/kinds";
import type { ActionsTabFilters } from "@/lib/stats/url/search-params";
import { controlClass, Field, type DraftProps } from "./filter-field";

/** A declared text filter ("Partner name contains"): free text, trimmed when the draft is applied. */
export function PartnerSearchFilter({ filter, draft, set }: DraftProps & { filter: TextFilter }) {
  const key = filter.key as keyof ActionsTabFilters;
  return (
    <Field label={filter.control} htmlFor={`f-${key}`}>
      <input
        id={`f-${key}`}
        type="search"
        value={draft[key] as string}
        maxLength={200}
        onChange={(e) => set({ [key]: e.target.value })}
        className={controlClass}
      />
    </Field>
  );
}
