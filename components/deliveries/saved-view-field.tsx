import { inputClass } from "@/components/ui/styles";
import { GridField } from "./grid-field";
import type { ViewChoice } from "./form-props";

/** The saved view a schedule sends or an alert watches. */
export function SavedViewField({
  idPrefix,
  choice,
  error,
}: {
  idPrefix: string;
  choice: ViewChoice;
  error?: string;
}) {
  const id = `${idPrefix}-view`;
  return (
    <GridField id={id} label="Saved view" error={error}>
      <select id={id} name="savedViewId" defaultValue={choice.selectedView} className={inputClass}>
        {choice.views.map((v) => (
          <option key={v.id} value={v.id}>
            {v.name}
          </option>
        ))}
      </select>
    </GridField>
  );
}
