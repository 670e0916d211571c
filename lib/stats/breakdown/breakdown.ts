// Breakdowns (issue 28): what the chart stacks by (`stack_by`) and what the table's rows are
// grouped by (`rows_by`). A breakdown is data, read by one SQL builder per engine
// (postgres/pg-breakdown.ts, clickhouse/ch-breakdown.ts) and by the labels below; the URL holds
// its token. No database code here: the tab's controls import it in the browser.
import { createParser } from "nuqs/server";
import { PROPERTY_KEY } from "../../schemas/action-properties";

/** What numbers can be broken down by, in the controls' order. */
export const BREAKDOWN_KINDS = [
  "type",
  "group",
  "manager",
  "tag",
  "marketplace",
  "partner",
  "property",
] as const;
export type BreakdownKind = (typeof BREAKDOWN_KINDS)[number];

export type Breakdown =
  { kind: Exclude<BreakdownKind, "property"> } | { kind: "property"; key: string };

export const BY_TYPE: Breakdown = { kind: "type" };

/**
 * A row's or series' key when the partnership or action has no value: no manager, no tag, no such
 * property (`~` starts no id, no partner key the API accepts, and is escaped nowhere else).
 */
export const NONE_KEY = "~none";

/** The kinds whose keys are a partnership attribute's ids (labels from the program's lists). */
export const LISTED_KINDS = { group: "groups", manager: "managers", tag: "tags" } as const;

/** `type`, `group`, …, or `property:<name>` (everything after "property:" is the name). */
export function serializeBreakdown(b: Breakdown): string {
  return b.kind === "property" ? `property:${b.key}` : b.kind;
}

export function parseBreakdown(text: string): Breakdown | null {
  if (text.startsWith("property:")) {
    const key = text.slice("property:".length);
    return PROPERTY_KEY.test(key) ? { kind: "property", key } : null;
  }
  const kind = BREAKDOWN_KINDS.find((k) => k === text);
  return kind && kind !== "property" ? { kind } : null;
}

export const parseAsBreakdown = createParser<Breakdown>({
  parse: parseBreakdown,
  serialize: serializeBreakdown,
  eq: (a, b) => serializeBreakdown(a) === serializeBreakdown(b),
});

/** What a breakdown is called in the controls, headers and files ("Partner group"). */
export function breakdownLabel(b: Breakdown): string {
  switch (b.kind) {
    case "type":
      return "Action type";
    case "group":
      return "Partner group";
    case "manager":
      return "Partner manager";
    case "tag":
      return "Partner tag";
    case "marketplace":
      return "Marketplace";
    case "partner":
      return "Partner";
    case "property":
      return `Property ${b.key}`;
  }
}

/** The grouped table's title for a breakdown: "Actions by partner group". */
export const breakdownTableTitle = (by: Breakdown) =>
  `Actions by ${by.kind === "property" ? `property ${by.key}` : breakdownLabel(by).toLowerCase()}`;

/** Whether a partnership can count in several rows (a partner with two tags is in both). */
export const countsInSeveral = (b: Breakdown) => b.kind === "tag";

/** The label of a key that no list names: none, marketplace flags, property values. */
export function fixedKeyLabel(b: Breakdown, key: string): string | null {
  if (key === NONE_KEY) {
    if (b.kind === "manager") return "No manager";
    if (b.kind === "tag") return "No tag";
    if (b.kind === "property") return `No ${b.key}`;
    return "None";
  }
  if (b.kind === "marketplace") return key === "yes" ? "Marketplace" : "Not marketplace";
  if (b.kind === "property" || b.kind === "type") return key;
  return null;
}

/** A program's lists a breakdown's labels come from (the filter bar's options). */
export type BreakdownLists = Record<
  (typeof LISTED_KINDS)[keyof typeof LISTED_KINDS],
  readonly { id: number; label: string }[]
>;

/** What an engine sorts a listed kind's keys by: each id's label, "none" and the flags too. */
export function keyLabels(b: Breakdown, lists: BreakdownLists | undefined): [string, string][] {
  if (b.kind === "marketplace")
    return ["yes", "no"].map((key) => [key, fixedKeyLabel(b, key)!] as [string, string]);
  if (!(b.kind in LISTED_KINDS) || !lists) return [];
  const list = lists[LISTED_KINDS[b.kind as keyof typeof LISTED_KINDS]];
  return [
    ...list.map((o) => [String(o.id), o.label] as [string, string]),
    [NONE_KEY, fixedKeyLabel(b, NONE_KEY)!],
  ];
}

/** The label a key is shown with: fixed words, the engine's label, else the kind and key. */
export function shownKeyLabel(b: Breakdown, key: string, engineLabel: string): string {
  return fixedKeyLabel(b, key) ?? (engineLabel || `${breakdownLabel(b)} ${key}`);
}
