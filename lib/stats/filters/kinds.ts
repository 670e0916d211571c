// The three kinds of filter of the Actions tab and their URL parsers. A filter is data: its key,
// label, URL parameters, words, and which column it tests on each engine. One WHERE builder per
// engine (postgres/pg-filters.ts, clickhouse/ch-filters.ts) reads the conditions; the bar, the
// URL reader, the files' headers and the options loader loop over the same list (filters.ts).
// No database code here: the filter bar imports it in the browser.
import type { IdsOptionsKey, OptionsKey } from "./options";
import { parseAsArrayOf, parseAsInteger, parseAsString, parseAsStringLiteral } from "nuqs/server";
import { NO_PROPERTY, parseAsPropertySelection } from "./property-selection";

/** What a filter tests: a partnership's attribute, or the action's own. */
export type FilterTarget = "partner" | "action";

export type { OptionsKey } from "./options";

/**
 * A multi-select filter's column: an id column of the target (`nullable`: an exclusion also
 * keeps rows without one — PostgreSQL NULL, ClickHouse 0), or a set of ids of a partnership (a
 * link table in PostgreSQL, an array column in ClickHouse).
 */
export type IdsColumn =
  | { column: string; nullable?: boolean }
  | { set: { postgres: { table: string; column: string }; clickhouse: string } };

/** A yes/no filter's column: a boolean, or "set at" (a timestamp in PostgreSQL, a 0/1 flag in ClickHouse). */
export type FlagColumn = { postgres: { column: string } | { setAt: string }; clickhouse: string };

const INCLUDE_EXCLUDE = ["include", "exclude"] as const;
const ANY_OF_NONE_OF = ["any_of", "none_of"] as const;
export const YES_NO = ["any", "yes", "no"] as const;
/** Every multi-select filter's condition pair (the URL's `<key>_op` values). */
export const OP_PAIRS = { include_exclude: INCLUDE_EXCLUDE, any_of_none_of: ANY_OF_NONE_OF };
type OpPair = keyof typeof OP_PAIRS;

const idList = parseAsArrayOf(parseAsInteger).withDefault([] as number[]);

/**
 * A multi-select filter: `<key>=1,2` and `<key>_op=<include|exclude>` (or any_of/none_of). The
 * words are the bar's three conditions ("is any", "is one of", "is not one of").
 */
export function idsFilter<K extends string, P extends OpPair>(d: {
  key: K;
  label: string;
  target: FilterTarget;
  ops: P;
  words: readonly [string, string, string];
  options: IdsOptionsKey;
  column: IdsColumn;
}) {
  const ops = OP_PAIRS[d.ops] as (typeof OP_PAIRS)[P];
  return {
    ...d,
    kind: "ids" as const,
    opKey: `${d.key}_op` as `${K}_op`,
    opValues: ops,
    parsers: {
      [d.key]: idList,
      [`${d.key}_op`]: parseAsStringLiteral(ops).withDefault(ops[0] as (typeof ops)[0]),
    } as { [Q in K]: typeof idList } & {
      [Q in `${K}_op`]: ReturnType<
        ReturnType<typeof parseAsStringLiteral<(typeof ops)[number]>>["withDefault"]
      >;
    },
  };
}

/** A text filter: `<key>=text`, the rows whose columns (joined by a space) contain it, any case. */
export function textFilter<K extends string>(d: {
  key: K;
  label: string;
  /** The bar's label ("Partner name contains"). */
  control: string;
  target: FilterTarget;
  columns: readonly string[];
}) {
  const parser = parseAsString.withDefault("");
  return {
    ...d,
    kind: "text" as const,
    parsers: { [d.key]: parser } as { [Q in K]: typeof parser },
  };
}

/** A yes/no filter: `<key>=yes|no` (default any). */
export function flagFilter<K extends string>(d: {
  key: K;
  label: string;
  target: FilterTarget;
  column: FlagColumn;
}) {
  const parser = parseAsStringLiteral(YES_NO).withDefault("any");
  return {
    ...d,
    kind: "flag" as const,
    parsers: { [d.key]: parser } as { [Q in K]: typeof parser },
  };
}

/**
 * A filter on an action's property: `<key>=<name>=<value>,…` (property-selection.ts) and
 * `<key>_op=include|exclude`: the actions whose property holds (or does not hold: a missing
 * property is not one of the values) one of the values, compared as text. The options are the
 * program's property names and their most frequent values.
 */
export function propertyFilter<K extends string>(d: {
  key: K;
  label: string;
  target: "action";
  words: readonly [string, string, string];
  options: Exclude<OptionsKey, IdsOptionsKey>;
}) {
  const ops = INCLUDE_EXCLUDE;
  const selection = parseAsPropertySelection.withDefault(NO_PROPERTY);
  const op = parseAsStringLiteral(ops).withDefault("include");
  return {
    ...d,
    kind: "property" as const,
    opKey: `${d.key}_op` as `${K}_op`,
    opValues: ops,
    parsers: { [d.key]: selection, [`${d.key}_op`]: op } as { [Q in K]: typeof selection } & {
      [Q in `${K}_op`]: typeof op;
    },
  };
}

// Any declaration of a kind, as the bar's controls read it (its parsers are the URL's business).
export type IdsFilter = Omit<ReturnType<typeof idsFilter<string, OpPair>>, "parsers">;
export type TextFilter = Omit<ReturnType<typeof textFilter<string>>, "parsers">;
export type FlagFilter = Omit<ReturnType<typeof flagFilter<string>>, "parsers">;
export type PropertyFilter = Omit<ReturnType<typeof propertyFilter<string>>, "parsers">;
export type FilterDeclaration = IdsFilter | TextFilter | FlagFilter | PropertyFilter;
