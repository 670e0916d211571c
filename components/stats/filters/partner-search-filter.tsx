import { controlClass, Field, type DraftProps } from "./filter-field";

/** Partner name or email contains: free text, trimmed when the draft is applied. */
export function PartnerSearchFilter({
  field,
  draft,
  set,
}: DraftProps & { field: "name" | "email" }) {
  return (
    <Field label={`Partner ${field} contains`} htmlFor={`f-${field}`}>
      <input
        id={`f-${field}`}
        type="search"
        value={draft[field]}
        maxLength={200}
        onChange={(e) => set({ [field]: e.target.value })}
        className={controlClass}
      />
    </Field>
  );
}
