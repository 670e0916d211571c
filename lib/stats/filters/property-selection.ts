// The URL form of a property filter: `property=<name>=<value>,<value>` (`property_op` says
// include or exclude). A name never holds "=" or "," (the API's rule), so the first "=" ends
// it; values are text and may hold anything, so "~" is written "~0" and "," is "~1" (JSON
// Pointer's escapes): "pro, annual" → `pro~1 annual`. Anything else is malformed and the whole
// parameter is refused (the tab's usual notice), never guessed at.
import { createParser } from "nuqs/server";
import { MAX_PROPERTY_TEXT, PROPERTY_KEY } from "../../schemas/action-properties";

export interface PropertySelection {
  /** The property's name; "" = no property filter. */
  key: string;
  values: string[];
}

export const NO_PROPERTY: PropertySelection = { key: "", values: [] };
export const MAX_PROPERTY_VALUES = 50;

const escapeValue = (v: string) => v.replaceAll("~", "~0").replaceAll(",", "~1");

function unescapeValue(text: string): string | null {
  if (/~(?![01])/.test(text)) return null;
  return text.replaceAll("~1", ",").replaceAll("~0", "~");
}

/** A value the filter can hold: what the API stores as text (5 → "5", true → "true"). */
const isValueText = (v: string) =>
  v.length > 0 && v.length <= MAX_PROPERTY_TEXT && !v.includes("\u0000") && v.isWellFormed();

export function serializePropertySelection(s: PropertySelection): string {
  return s.key ? `${s.key}=${s.values.map(escapeValue).join(",")}` : "";
}

export function parsePropertySelection(text: string): PropertySelection | null {
  const at = text.indexOf("=");
  if (at < 0) return null;
  const key = text.slice(0, at);
  if (!PROPERTY_KEY.test(key)) return null;
  const raw = text.slice(at + 1).split(",");
  if (raw.length > MAX_PROPERTY_VALUES) return null;
  const values = raw.map(unescapeValue);
  if (!values.every((v): v is string => v !== null && isValueText(v))) return null;
  return { key, values: [...new Set(values)] };
}

export const parseAsPropertySelection = createParser<PropertySelection>({
  parse: parsePropertySelection,
  serialize: serializePropertySelection,
  eq: (a, b) => serializePropertySelection(a) === serializePropertySelection(b),
});
