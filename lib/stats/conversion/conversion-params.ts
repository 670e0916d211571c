// The conversion view's own URL keys beside the tab's filters (which it reads through the tab's
// parser map, so the same parameters mean the same thing): `from`, `to`, `within` (shared with
// the drill-down's conversion selection), `by`, `conv_sort`, `conv_dir`. Read leniently: a bad
// value is a warning and the default, never an error.
import { parseAsInteger, parseAsString, parseAsStringLiteral, createSerializer } from "nuqs/server";
import { z } from "zod";
import type { RawSearchParams } from "../url/load-tab-state";
import {
  conversionBreakdownOf,
  DEFAULT_WITHIN_DAYS,
  MAX_WITHIN_DAYS,
  type ConversionQuestion,
} from "./conversion";

export const CONVERSION_SORTS = ["name", "starts", "converted", "rate", "median", "p90"] as const;
export type ConversionSort = (typeof CONVERSION_SORTS)[number];

export const conversionParsers = {
  from: parseAsString,
  to: parseAsString,
  within: parseAsInteger.withDefault(DEFAULT_WITHIN_DAYS),
  by: parseAsString.withDefault("partner"),
  conv_sort: parseAsStringLiteral(CONVERSION_SORTS).withDefault("starts"),
  conv_dir: parseAsStringLiteral(["asc", "desc"] as const).withDefault("desc"),
};
export const serializeConversion = createSerializer(conversionParsers);

const TYPE_NAME = z.string().regex(/^[A-Za-z0-9_.:-]{1,100}$/);
/** Each key's valid text; anything else is reported and replaced by the default. */
const KEYS = {
  from: { label: "Conversion from", schema: TYPE_NAME },
  to: { label: "Conversion to", schema: TYPE_NAME },
  within: {
    label: "Within (days)",
    schema: z
      .string()
      .regex(/^\d{1,4}$/)
      .transform(Number)
      .pipe(z.number().int().min(1).max(MAX_WITHIN_DAYS)),
  },
  by: {
    label: "Breakdown",
    schema: z.string().refine((t) => conversionBreakdownOf(t) !== null),
  },
  conv_sort: { label: "Sort", schema: z.enum(CONVERSION_SORTS) },
  conv_dir: { label: "Sort direction", schema: z.enum(["asc", "desc"]) },
} as const;

export interface ConversionState {
  /** Null until both types name types of the program and differ. */
  question: ConversionQuestion | null;
  from: string | null;
  to: string | null;
  within: number;
  /** `partner`, `group`, or a keyed breakdown's token (conversionBreakdownOf). */
  by: string;
  sort: ConversionSort;
  dir: "asc" | "desc";
}

/**
 * The view's state from a URL: `typeNames` are the program's action types (the first two are the
 * default A and B); warnings name each value ignored.
 */
export function loadConversionState(
  raw: RawSearchParams,
  typeNames: string[],
  warnings: string[],
): ConversionState {
  const read = <K extends keyof typeof KEYS>(key: K) => {
    const value = raw[key];
    const text = Array.isArray(value) ? value[0] : value;
    if (text === undefined || text === "") return undefined;
    const parsed = KEYS[key].schema.safeParse(text);
    if (parsed.success) return parsed.data as z.output<(typeof KEYS)[K]["schema"]>;
    warnings.push(
      `${KEYS[key].label}: “${text.slice(0, 60)}” is not a valid value. It was ignored.`,
    );
    return undefined;
  };
  const known = (key: "from" | "to", name: string | undefined) => {
    if (name === undefined || typeNames.includes(name)) return name;
    warnings.push(`${KEYS[key].label}: “${name}” is not an action type of this program.`);
    return undefined;
  };
  const from = known("from", read("from")) ?? typeNames[0] ?? null;
  const to = known("to", read("to")) ?? typeNames.find((t) => t !== from) ?? null;
  const within = read("within") ?? DEFAULT_WITHIN_DAYS;
  if (from !== null && from === to) warnings.push("Conversion: choose two different action types.");
  return {
    question: from !== null && to !== null && from !== to ? { from, to, withinDays: within } : null,
    from,
    to,
    within,
    by: read("by") ?? "partner",
    sort: read("conv_sort") ?? "starts",
    dir: read("conv_dir") ?? "desc",
  };
}
