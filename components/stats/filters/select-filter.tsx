import { COMPARISONS, TIMESCALES, type ActionsTabFilters } from "@/lib/stats/url/search-params";
import type { FlagFilter } from "@/lib/stats/filters/kinds";
import { controlClass, Field, type DraftProps } from "./filter-field";
import { ChoiceSelect } from "@/components/ui/choice-select";

const YES_NO = [
  ["any", "Any"],
  ["yes", "Yes"],
  ["no", "No"],
] as const;

const TIMESCALE_CHOICES = TIMESCALES.map((t) => [t, t[0].toUpperCase() + t.slice(1)] as const);

const COMPARE_CHOICES = [
  ["previous_period", "Previous period"],
  ["previous_year", "Same period last year"],
  ["none", "Nothing"],
] as const satisfies readonly (readonly [(typeof COMPARISONS)[number], string])[];

const OWN = {
  timescale: { label: "Timescale", choices: TIMESCALE_CHOICES },
  compare: { label: "Compare with", choices: COMPARE_CHOICES },
} as const;

/** The timescale, the comparison, or a declared yes/no filter: a native select (`#f-<key>`). */
export function SelectFilter({
  field,
  draft,
  set,
}: DraftProps & { field: keyof typeof OWN | FlagFilter }) {
  const own = typeof field === "string" ? OWN[field] : null;
  const key = (typeof field === "string" ? field : field.key) as keyof ActionsTabFilters;
  const label = own ? own.label : (field as FlagFilter).label;
  return (
    <Field label={label} htmlFor={`f-${key}`}>
      <ChoiceSelect
        id={`f-${key}`}
        value={draft[key] as string}
        onChange={(e) => set({ [key]: e.target.value })}
        className={controlClass}
        choices={own ? own.choices : YES_NO}
      />
    </Field>
  );
}
