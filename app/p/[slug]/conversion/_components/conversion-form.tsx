import { buttonClass, inputClass } from "@/components/ui/styles";
import {
  conversionByLabel,
  KEYED_CONVERSION_KINDS,
  MAX_WITHIN_DAYS,
} from "@/lib/stats/conversion/conversion";
import type { ConversionState } from "@/lib/stats/conversion/conversion-params";

/** Partner, group, then the keyed breakdowns and a property per name the actions hold. */
function byChoices(properties: readonly string[]): [string, string][] {
  const tokens = [
    "partner",
    "group",
    ...KEYED_CONVERSION_KINDS.filter((k) => k !== "property"),
    ...properties.map((p) => `property:${p}`),
  ];
  return tokens.map((t) => [t, conversionByLabel(t)]);
}

/**
 * A plain GET form (works before hydration, by keyboard): the question's types, window and
 * breakdown; the tab's filters ride along as hidden fields, so Show keeps them.
 */
export function ConversionForm({
  action,
  state,
  types,
  filterQuery,
  properties,
}: {
  action: string;
  state: ConversionState;
  types: string[];
  filterQuery: string;
  /** The program's property names (a breakdown by a property of the starting action). */
  properties: readonly string[];
}) {
  const hidden = [...new URLSearchParams(filterQuery).entries()];
  const label = "block text-xs font-medium text-gray-600 dark:text-gray-300";
  return (
    <form
      method="get"
      action={action}
      className="grid grid-cols-2 items-end gap-3 sm:flex sm:flex-wrap"
      aria-label="Conversion question"
    >
      {hidden.map(([key, value]) => (
        <input key={`${key}=${value}`} type="hidden" name={key} value={value} />
      ))}
      <label className={`${label} col-span-2 sm:w-56`}>
        From action type (A)
        <select name="from" defaultValue={state.from ?? ""} className={inputClass}>
          {types.map((t) => (
            <option key={t}>{t}</option>
          ))}
        </select>
      </label>
      <label className={`${label} col-span-2 sm:w-56`}>
        To action type (B)
        <select name="to" defaultValue={state.to ?? ""} className={inputClass}>
          {types.map((t) => (
            <option key={t}>{t}</option>
          ))}
        </select>
      </label>
      <label className={`${label} sm:w-32`}>
        Within (days)
        <input
          type="number"
          name="within"
          min={1}
          max={MAX_WITHIN_DAYS}
          required
          defaultValue={state.within}
          className={inputClass}
        />
      </label>
      <label className={`${label} sm:w-40`}>
        By
        <select name="by" defaultValue={state.by} className={inputClass}>
          {byChoices(properties).map(([value, text]) => (
            <option key={value} value={value}>
              {text}
            </option>
          ))}
        </select>
      </label>
      <button type="submit" className={`${buttonClass} col-span-2 sm:col-span-1`}>
        Show conversion
      </button>
    </form>
  );
}
