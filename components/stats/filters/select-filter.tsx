import { TIMESCALES, type ActionsTabFilters } from "@/lib/stats/url/search-params";
import { controlClass, Field, type DraftProps } from "./filter-field";
import { ChoiceSelect } from "@/components/ui/choice-select";

const YES_NO = [
  ["any", "Any"],
  ["yes", "Yes"],
  ["no", "No"],
] as const;

const SELECTS = {
  timescale: {
    label: "Timescale",
    choices: TIMESCALES.map((t) => [t, t[0].toUpperCase() + t.slice(1)] as const),
  },
  marketplace: { label: "Is marketplace", choices: YES_NO },
  archived: { label: "Is partnership archived", choices: YES_NO },
};

/** Timescale, Is marketplace and Is partnership archived: one native select each (`#f-<field>`). */
export function SelectFilter<K extends keyof typeof SELECTS>({
  field,
  draft,
  set,
}: DraftProps & { field: K }) {
  const { label, choices } = SELECTS[field];
  return (
    <Field label={label} htmlFor={`f-${field}`}>
      <ChoiceSelect
        id={`f-${field}`}
        value={draft[field]}
        onChange={(e) => set({ [field]: e.target.value as ActionsTabFilters[K] })}
        className={controlClass}
        choices={choices}
      />
    </Field>
  );
}
