import "server-only";
import { OTHER_KEY, type DailyCount } from "../engine";
import { OTHER_SERIES, OTHER_TYPES_COLOR, SERIES_PALETTE } from "../chart/series-colors";
import type { TabScope } from "../scope";
import { keyLabels, LISTED_KINDS, shownKeyLabel, type Breakdown } from "./breakdown";

const byteOrder = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Each key's name as a series: its label, made unique (two partners of one name: the second
 * gets its key in brackets).
 */
export function seriesNames(by: Breakdown, rows: { key: string; label: string }[]) {
  const names = new Map<string, string>();
  const taken = new Set<string>();
  for (const row of rows) {
    let name = shownKeyLabel(by, row.key, row.label);
    if (taken.has(name) || name === OTHER_SERIES) name = `${name} (${row.key})`;
    taken.add(name);
    names.set(row.key, name);
  }
  return names;
}

/**
 * The series of a chart stacked by a breakdown other than the action type: every key when at
 * most `max` have actions, else the `max` − 1 with the most occurrences (ties by key) and
 * "Others" for the rest — chosen by the engine over the whole view, then counted per day.
 */
export async function chooseBreakdownSeries(scope: TabScope, by: Breakdown, max: number) {
  const labels = keyLabels(by, scope.lists);
  // A kind whose keys are the program's lists (groups, managers, tags, the flag) has few: one
  // statement reads every key's days and the largest are chosen here, in the order the engines'
  // table uses (occurrences, then key); keys are ids, "~none", "yes"/"no" (ASCII: one order).
  if (by.kind in LISTED_KINDS || by.kind === "marketplace") {
    const daily = await scope.engine.breakdownDaily(scope, by, null);
    const totals = new Map<string, number>();
    for (const c of daily) totals.set(c.key, (totals.get(c.key) ?? 0) + c.occurrences);
    const ranked = [...totals.keys()].sort(
      (x, y) => totals.get(y)! - totals.get(x)! || byteOrder(x, y),
    );
    const all = ranked.length <= max;
    const listed = new Map(labels);
    const kept = (all ? ranked : ranked.slice(0, max - 1)).map((key) => ({
      key,
      label: listed.get(key) ?? "",
    }));
    return seriesOf(by, labels, kept, all ? 0 : ranked.length - kept.length, daily);
  }
  const top = await scope.engine.breakdownRows(
    { ...scope, previous: null },
    by,
    labels,
    { sort: "occurrences", dir: "desc" },
    1,
    max,
  );
  const all = top.totalRows <= max;
  const kept = all ? top.rows : top.rows.slice(0, max - 1);
  const daily = await scope.engine.breakdownDaily(scope, by, all ? null : kept.map((r) => r.key));
  return seriesOf(by, labels, kept, all ? 0 : top.totalRows - kept.length, daily);
}

/** The chosen keys' days as series: named, in name order, "Others" last when some are summed. */
function seriesOf(
  by: Breakdown,
  labels: [string, string][],
  kept: { key: string; label: string }[],
  others: number,
  daily: { day: string; key: string; occurrences: number }[],
) {
  const names = seriesNames(by, kept);
  const nameOf = (key: string) =>
    key === OTHER_KEY || (others > 0 && !names.has(key))
      ? OTHER_SERIES
      : (names.get(key) ?? shownKeyLabel(by, key, ""));
  const counts: DailyCount[] = daily.map((c) => ({
    day: c.day,
    type: nameOf(c.key),
    occurrences: c.occurrences,
  }));
  const types = [...new Set(counts.map((c) => c.type))]
    .filter((t) => t !== OTHER_SERIES)
    .sort(byteOrder);
  if (others > 0) types.push(OTHER_SERIES);
  return {
    counts,
    seriesOf: (name: string) => name,
    types,
    otherTypes: others,
    other: OTHER_SERIES,
    colors: breakdownColors(by, types, names, labels),
  };
}

/**
 * A breakdown's colours: a listed kind's keys by their place in the program's list (a group keeps
 * its colour from view to view), the others by their place in the chart; "Others" grey.
 */
function breakdownColors(
  by: Breakdown,
  types: string[],
  names: Map<string, string>,
  labels: [string, string][],
) {
  const place = new Map<string, number>();
  if (by.kind in LISTED_KINDS || by.kind === "marketplace") {
    const keys = labels.map(([key]) => key);
    for (const [key, name] of names) place.set(name, keys.indexOf(key));
  }
  return Object.fromEntries(
    types.map((name, i) => {
      if (name === OTHER_SERIES) return [name, OTHER_TYPES_COLOR];
      const at = place.get(name) ?? -1;
      return [name, SERIES_PALETTE[(at >= 0 ? at : i) % SERIES_PALETTE.length]];
    }),
  );
}
