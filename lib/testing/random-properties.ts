// Random action properties for the engines-agree property test: a few names, each often
// missing, with values that test the filter's text comparison (5 and "5" are the same text,
// values holding commas, "~", quotes and non-Latin letters) and filters over them.
import fc from "fast-check";
import type { ActionProperties, PropertyValue } from "../schemas/action-properties";
import type { PropertySelection } from "../stats/filters/property-selection";
import { BREAKDOWN_KINDS, type Breakdown } from "../stats/breakdown/breakdown";
import { INCLUDE_OPS } from "../stats/url/search-params";

/** Each name with the values actions hold (the filter may also ask for "absent", held by none). */
export const PROPERTY_POOL: Record<string, PropertyValue[]> = {
  plan: ["pro", "free", "pro, annual", "~1", "Ünïcode ✓"],
  seats: [1, 2, "2", 2.5, 0],
  trial: [true, false, "true"],
  "geo.country:code": ["FR", "DE", 'say "hi"'],
};
const NAMES = Object.keys(PROPERTY_POOL);

/** A random set of properties: each name present about half the time. */
export const propertiesSpec: fc.Arbitrary<ActionProperties> = fc.record(
  Object.fromEntries(NAMES.map((name) => [name, fc.constantFrom(...PROPERTY_POOL[name])])),
  { requiredKeys: [] },
) as fc.Arbitrary<ActionProperties>;

export interface PropertyFilterSpec {
  name: number;
  values: number[];
  op: (typeof INCLUDE_OPS)[number];
}

export const propertyFilterSpec: fc.Arbitrary<PropertyFilterSpec> = fc.record({
  name: fc.nat(NAMES.length - 1),
  values: fc.uniqueArray(fc.nat(6), { minLength: 1, maxLength: 3 }),
  op: fc.constantFrom(...INCLUDE_OPS),
});

/** The filter's selection: values as the tab reads them (text), one of them maybe held by none. */
export function resolvePropertyFilter(spec: PropertyFilterSpec): PropertySelection {
  const name = NAMES[spec.name % NAMES.length];
  const texts = [...new Set([...PROPERTY_POOL[name].map(String), "absent"])];
  return { key: name, values: [...new Set(spec.values.map((i) => texts[i % texts.length]))] };
}

/** The plain model of the filter: does an action with these properties match? */
export function matchesProperty(
  properties: ActionProperties,
  selection: PropertySelection,
  op: (typeof INCLUDE_OPS)[number],
): boolean {
  if (!selection.key) return true;
  const value = properties[selection.key];
  const held = value !== undefined && selection.values.includes(String(value));
  return op === "include" ? held : !held;
}

/** Every breakdown a random query may ask for: each kind, and each property name of the pool. */
const BREAKDOWNS: Breakdown[] = [
  ...BREAKDOWN_KINDS.filter((k) => k !== "property").map((kind) => ({ kind }) as Breakdown),
  ...NAMES.map((key) => ({ kind: "property" as const, key })),
];
export const BREAKDOWN_CHOICES = BREAKDOWNS.length;
export const breakdownOf = (i: number) => BREAKDOWNS[i % BREAKDOWNS.length];
