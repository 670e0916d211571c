// fast-check arbitraries for what a user asks the Actions tab: every timeframe phrasing, `now`
// next to DST changes and year boundaries, every filter and operator, sorts and drill-downs.
// Choices are abstract (indexes, substrings) and resolved against a seeded program, so they
// shrink independently of the data.
import fc from "fast-check";
import { BREAKDOWN_CHOICES } from "./random-properties";
import {
  COMPARISONS,
  DEFAULT_FILTERS,
  INCLUDE_OPS,
  SORT_DIRS,
  TABLE_SORTS,
  TAG_OPS,
  YES_NO,
  type ActionsTabFilters,
  type TableState,
} from "../stats/url/search-params";
import {
  MAX_PAST_N,
  parseTimeframe,
  serializeTimeframe,
  UNITS,
  type Timeframe,
} from "../stats/timeframe/timeframe";
import { parseDate } from "../time/calendar-date";
import { addToDate } from "../time/calendar-units";
import { formatDate } from "../time/format";
import { dateOf } from "../time/zone";
import { CALENDAR_TURNS, nearTurn, oddText, TURN_DATES } from "./random-tab-world";
import type { SeededProgram } from "./seed-random-world";
import { NO_PROPERTY } from "../stats/filters/property-selection";
import {
  propertyFilterSpec,
  resolvePropertyFilter,
  type PropertyFilterSpec,
} from "./random-properties";

const DAY = 86_400_000;
const unit = fc.constantFrom(...UNITS);

/** A local date: next to a calendar turn, or a few days before `now` (where the data is). */
type DateSpec = { turn: string; days: number } | { daysBeforeNow: number };
const dateSpec: fc.Arbitrary<DateSpec> = fc.oneof(
  fc.record({ turn: fc.constantFrom(...TURN_DATES), days: fc.integer({ min: -3, max: 3 }) }),
  { weight: 2, arbitrary: fc.record({ daysBeforeNow: fc.integer({ min: -1, max: 10 }) }) },
);

type DatedTimeframe = Extract<Timeframe, { kind: "on" | "before" | "since" | "range" }>;
type TimeframeSpec =
  | Exclude<Timeframe, DatedTimeframe>
  | { kind: DatedTimeframe["kind"]; date: DateSpec; days: number };

const timeframeSpec: fc.Arbitrary<TimeframeSpec> = fc.oneof(
  { arbitrary: fc.constant({ kind: "any" as const }), weight: 2 },
  fc
    .record({
      unit,
      n: fc.oneof(fc.integer({ min: 1, max: 13 }), fc.constant(-1)),
      complete: fc.boolean(),
    })
    .map(({ unit, n, complete }) => ({
      kind: "past" as const,
      unit,
      n: n === -1 ? MAX_PAST_N[unit] : n,
      complete,
    })),
  fc.record({ kind: fc.constantFrom("this" as const, "last" as const), unit }),
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constantFrom("on" as const, "before" as const, "since" as const, "range" as const),
      date: dateSpec,
      // A range's length in days.
      days: fc.oneof(fc.integer({ min: 1, max: 14 }), fc.integer({ min: 15, max: 400 })),
    }),
  },
);

function concreteTimeframe(tf: TimeframeSpec, now: number, timeZone: string): Timeframe {
  if (!("date" in tf)) return tf;
  const date =
    "turn" in tf.date
      ? addToDate(parseDate(tf.date.turn)!, tf.date.days, "day")
      : addToDate(dateOf(now, timeZone), -tf.date.daysBeforeNow, "day");
  // Dates before 1970 name no action and do not parse.
  const from = formatDate(date) < "1970-01-01" ? "1970-01-01" : formatDate(date);
  if (tf.kind !== "range") return { kind: tf.kind, date: from };
  return { kind: "range", from, to: formatDate(addToDate(parseDate(from)!, tf.days, "day")) };
}

/** A name or email fragment: a piece of a real one in random case, or odd characters alone. */
type TextPick =
  | { from: "partner"; partner: number; start: number; length: number; caseBits: number }
  | { from: "literal"; text: string };

const textPick: fc.Arbitrary<TextPick> = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.record({
      from: fc.constant("partner" as const),
      partner: fc.nat(7),
      start: fc.nat(12),
      length: fc.integer({ min: 1, max: 4 }),
      caseBits: fc.nat(15),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({ from: fc.constant("literal" as const), text: oddText(1, 2) }),
  },
);

export interface QuerySpec {
  /** An instant next to a calendar turn, or shortly after an action was received (also next to one). */
  now: { at: number } | { action: number; after: number };
  timeframe: TimeframeSpec;
  timescale: ActionsTabFilters["timescale"];
  compare: ActionsTabFilters["compare"];
  group: number[] | null;
  groupOp: ActionsTabFilters["group_op"];
  manager: number[] | null;
  managerOp: ActionsTabFilters["manager_op"];
  tag: number[] | null;
  tagOp: ActionsTabFilters["tag_op"];
  name: TextPick | null;
  email: TextPick | null;
  marketplace: ActionsTabFilters["marketplace"];
  archived: ActionsTabFilters["archived"];
  actionType: number[] | null;
  actionTypeOp: ActionsTabFilters["action_type_op"];
  property: PropertyFilterSpec | null;
  sorts: Pick<TableState, "sort" | "dir">[];
  /** Which row of the full table to drill into. */
  drillRow: number;
  /** A breakdown (random-properties.ts's `breakdownOf`): the chart's stack and the table's rows. */
  breakdown: number;
  /** "New actions since": a received time of the data (exact boundary) or `now`. */
  since: number | null;
}

/** A filter left unset three times out of four: combined, set ones rarely leave rows. */
const sometimes = <T, U>(arb: fc.Arbitrary<T>, unset: U) =>
  fc.oneof({ weight: 3, arbitrary: fc.constant(unset) }, { weight: 1, arbitrary: arb });
const ids = sometimes(fc.uniqueArray(fc.nat(2), { minLength: 1, maxLength: 2 }), null);

export const querySpec: fc.Arbitrary<QuerySpec> = fc.record({
  now: fc.oneof(
    fc.record({ at: nearTurn }),
    fc.record({
      action: fc.nat(40),
      after: fc.oneof(fc.constantFrom(0, 1, -1), fc.integer({ min: 0, max: 3 * DAY })),
    }),
  ),
  timeframe: timeframeSpec,
  timescale: unit,
  compare: fc.constantFrom(...COMPARISONS),
  group: ids,
  groupOp: fc.constantFrom(...INCLUDE_OPS),
  manager: ids,
  managerOp: fc.constantFrom(...INCLUDE_OPS),
  tag: ids,
  tagOp: fc.constantFrom(...TAG_OPS),
  name: sometimes(textPick, null),
  email: sometimes(textPick, null),
  marketplace: sometimes(fc.constantFrom(...YES_NO), "any"),
  archived: sometimes(fc.constantFrom(...YES_NO), "any"),
  actionType: ids,
  actionTypeOp: fc.constantFrom(...INCLUDE_OPS),
  property: sometimes(propertyFilterSpec, null),
  sorts: fc.array(
    fc.record({ sort: fc.constantFrom(...TABLE_SORTS), dir: fc.constantFrom(...SORT_DIRS) }),
    { minLength: 1, maxLength: 2 },
  ),
  drillRow: fc.nat(50),
  breakdown: fc.nat(BREAKDOWN_CHOICES - 1),
  since: fc.option(fc.nat(40)),
});

function resolveText(pick: TextPick | null, texts: string[]): string {
  if (pick === null) return "";
  if (pick.from === "literal") return pick.text;
  const source = texts[pick.partner % texts.length] ?? "";
  const start = pick.start % (source.length + 1);
  return [...source.slice(start, start + pick.length)]
    .map((c, i) => ((pick.caseBits >> i) & 1 ? c.toUpperCase() : c.toLowerCase()))
    .join("");
}

const idsOf = (indexes: number[] | null, list: number[]) =>
  indexes === null || !list.length ? [] : [...new Set(indexes.map((i) => list[i % list.length]))];

/** The query's filters, `now` and "since" for one seeded program (its own ids and names). */
export function resolveQuery(q: QuerySpec, s: SeededProgram) {
  const action = (i: number) => s.actions[i % s.actions.length];
  // Received times are recent even for backfilled actions: `now` is never in 1970.
  const now =
    "at" in q.now
      ? q.now.at
      : s.actions.length
        ? action(q.now.action).createdAt + q.now.after
        : CALENDAR_TURNS[q.now.action % CALENDAR_TURNS.length];
  // Through the URL token, as a link would carry it.
  const token = serializeTimeframe(concreteTimeframe(q.timeframe, now, s.program.timezone));
  const tf = parseTimeframe(token);
  if (!tf) throw new Error(`timeframe token ${token} does not parse`);
  const filters: ActionsTabFilters = {
    ...DEFAULT_FILTERS,
    timescale: q.timescale,
    timeframe: tf,
    compare: q.compare,
    group: idsOf(q.group, s.groupIds),
    group_op: q.groupOp,
    manager: idsOf(q.manager, s.managerIds),
    manager_op: q.managerOp,
    tag: idsOf(q.tag, s.tagIds),
    tag_op: q.tagOp,
    name: resolveText(q.name, s.partnerNames),
    email: resolveText(q.email, s.partnerEmails),
    marketplace: q.marketplace,
    archived: q.archived,
    action_type: idsOf(q.actionType, s.typeIds),
    action_type_op: q.actionTypeOp,
    property: q.property ? resolvePropertyFilter(q.property) : NO_PROPERTY,
    property_op: q.property?.op ?? "include",
  };
  const since = q.since === null || !s.actions.length ? now : action(q.since).createdAt;
  return { filters, now, since };
}
