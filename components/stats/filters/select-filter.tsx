import { TIMESCALES, type ActionsTabFilters } from "@/lib/stats/url/search-params";
import type { FlagFilter } from "@/lib/stats/filters/kinds";
import { controlClass, Field, type DraftProps } from "./filter-field";
import { ChoiceSelect } from "@/components/ui/choice-select";

const YES_NO = [
  ["any", "Any"],
  ["yes", "Yes"],
  ["no", "No"],
] as const;

const TIMESCALE_CHOICES = TIMESCALES.map((t) => [t, t[0].toUpperCase() + t.slice(1)] as const);

/** The timescale, or a declared yes/no filter: one native select each (`#f-<key>`). */
export function SelectFilter({
  field,
  draft,
  set,
}: DraftProps & { field: "timescale" | FlagFilter }) {
  const key = (field === "timescale" ? field : field.key) as keyof ActionsTabFilters;
  const label = field === "timescale" ? "Timescale" : field.label;
  return (
    <Field label={label} htmlFor={`f-${key}`}>
      <ChoiceSelect
        id={`f-${key}`}
        value={draft[key] as string}
        onChange={(e) => set({ [key]: e.target.value })}
        className={controlClass}
        choices={field === "timescale" ? TIMESCALE_CHOICES : YES_NO}
      />
    </Field>
  );
}
