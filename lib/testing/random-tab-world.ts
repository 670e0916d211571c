// fast-check arbitraries for the Actions tab's data: small programs whose names, times and edits
// sit where two engines are most likely to disagree (LIKE wildcards, case, non-ASCII letters, DST
// changes, year boundaries, the epoch, archived rows, edits delivered through the outbox).
import fc from "fast-check";
import type { ActionProperties } from "../schemas/action-properties";
import { propertiesSpec } from "./random-properties";

const DAY = 86_400_000;
const HOUR = 3_600_000;

const PROGRAM_ZONES = ["America/New_York", "Europe/Berlin"] as const;

/** Instants where a local calendar turns in one of the zones: DST changes, New Year, quarters. */
export const CALENDAR_TURNS = [
  "2025-03-09T07:00:00Z", // New York springs forward
  "2025-11-02T06:00:00Z", // New York falls back
  "2026-03-08T07:00:00Z",
  "2026-11-01T06:00:00Z",
  "2025-03-30T01:00:00Z", // Berlin springs forward
  "2025-10-26T01:00:00Z", // Berlin falls back
  "2026-03-29T01:00:00Z",
  "2026-10-25T01:00:00Z",
  "2025-01-01T05:00:00Z", // New Year in New York
  "2024-12-31T23:00:00Z", // New Year in Berlin
  "2026-01-01T05:00:00Z",
  "2025-12-31T23:00:00Z",
  "2026-04-01T04:00:00Z", // a quarter in New York
].map(Date.parse);

/** Event times of backfilled actions: long before they were received, down to the epoch. */
const BACKFILL_TIMES = [
  "1970-01-01T00:00:00Z", // still 1969 in New York
  "1970-01-01T04:59:59.999Z",
  "1970-01-01T05:00:00Z",
  "2019-06-30T22:30:00Z",
  "2020-12-31T23:00:00Z",
].map(Date.parse);

/** Local dates next to the turns above, for on_/range_/before_/since_ timeframes. */
export const TURN_DATES = [
  "2025-03-09",
  "2025-11-02",
  "2026-03-08",
  "2026-11-01",
  "2025-03-30",
  "2025-10-26",
  "2026-03-29",
  "2026-10-25",
  "2025-01-01",
  "2026-01-01",
  "2026-04-01",
  "1970-01-01",
  "2019-07-01",
];

// Characters that trip LIKE patterns and case folding: both wildcards, the escape character, both
// cases, letters outside ASCII (whose case both engines fold alike), separators.
const LETTERS = ["a", "A", "b", "B", "e", "é", "É", "ä", "Ä", "ß", "%", "_", "\\", " ", ".", "@"];
export const oddText = (minLength: number, maxLength: number) =>
  fc.array(fc.constantFrom(...LETTERS), { minLength, maxLength }).map((chars) => chars.join(""));

/** Few, colliding names: keys and type names repeat across programs (isolation must hold). */
const PARTNER_KEYS = ["p0", "p1", "P1", "p_2", "pé", "A", "b", "%"];
const TYPE_NAMES = ["signup", "Signup", "demo.call", "upgrade:2", "b-1"];

/** An instant near a calendar turn: exactly on it, a millisecond either side, or hours away. */
export const nearTurn = fc.oneof(
  fc
    .tuple(fc.constantFrom(...CALENDAR_TURNS), fc.constantFrom(0, -1, 1, -HOUR, HOUR))
    .map(([t, d]) => t + d),
  fc
    .tuple(fc.constantFrom(...CALENDAR_TURNS), fc.integer({ min: -3 * DAY, max: 3 * DAY }))
    .map(([t, d]) => t + d),
);

/** True one time in five. */
const rarely = fc.oneof(
  { weight: 4, arbitrary: fc.constant(false) },
  { weight: 1, arbitrary: fc.constant(true) },
);

export interface ActionSpec {
  /** Indexes are taken modulo the program's lists, so shrinking never makes them dangle. */
  partner: number;
  /** A customer-based action (its partnership is the customer's), or partner-based when null. */
  customer: number | null;
  type: number;
  value: number;
  occurredAt: number;
  createdAt: number;
  archived: boolean;
  /** Cents written directly (an action never evaluated), or null: evaluated by the rules. */
  directRewardCents: number | null;
  properties: ActionProperties;
}

const actionTimes = fc.oneof(
  {
    weight: 4,
    arbitrary: fc
      .tuple(nearTurn, fc.constantFrom(0, 1, 59_000, 600_000))
      .map(([occurredAt, delay]) => ({ occurredAt, createdAt: occurredAt + delay })),
  },
  // Backfilled: occurred years before it was received.
  {
    weight: 1,
    arbitrary: fc
      .tuple(fc.constantFrom(...BACKFILL_TIMES), nearTurn)
      .map(([occurredAt, createdAt]) => ({ occurredAt, createdAt })),
  },
);

const actionSpec: fc.Arbitrary<ActionSpec> = fc
  .record({
    partner: fc.nat(7),
    customer: fc.option(fc.nat(5), { freq: 2 }),
    type: fc.nat(4),
    value: fc.oneof(
      { weight: 4, arbitrary: fc.constant(1) },
      { weight: 3, arbitrary: fc.integer({ min: 2, max: 5 }) },
      { weight: 1, arbitrary: fc.integer({ min: 6, max: 200_000 }) },
    ),
    times: actionTimes,
    archived: rarely,
    directRewardCents: fc.option(fc.integer({ min: 0, max: 99_999 }), { freq: 3 }),
    properties: propertiesSpec,
  })
  .map(({ times, ...rest }) => ({ ...rest, ...times }));

export interface RuleSpec {
  type: number;
  minValue: number | null;
  group: number | null;
  amountCents: number;
  multiplyByValue: boolean;
  active: boolean;
}

// Amounts stay small enough that two multiplying rules cannot overflow a 32-bit reward_cents.
const ruleSpec: fc.Arbitrary<RuleSpec> = fc
  .record({
    type: fc.nat(4),
    minValue: fc.option(fc.integer({ min: 1, max: 3 })),
    group: fc.option(fc.nat(2)),
    amountCents: fc.integer({ min: 1, max: 9_999 }),
    multiplyByValue: fc.boolean(),
    active: fc.boolean(),
  })
  .map((r) => (r.multiplyByValue ? { ...r, amountCents: Math.min(r.amountCents, 5_000) } : r));

export interface PartnerSpec {
  key: string;
  firstName: string;
  lastName: string;
  email: string;
  group: number;
  manager: number | null;
  tags: number[];
  marketplace: boolean;
  archived: boolean;
}

const email = fc
  .tuple(oddText(0, 5), fc.constantFrom("@mail.test", "@CORP.test", "@ex_ample.test"))
  .map(([local, domain]) => `${local}${domain}`);

const partnerFields = {
  firstName: oddText(0, 5),
  lastName: oddText(1, 5),
  email,
  group: fc.nat(2),
  manager: fc.option(fc.nat(1), { freq: 2 }),
  tags: fc.uniqueArray(fc.nat(2), { maxLength: 3 }),
  marketplace: fc.boolean(),
  archived: fc.boolean(),
};
const partnerSpec: fc.Arbitrary<PartnerSpec> = fc.record({
  key: fc.constantFrom(...PARTNER_KEYS),
  ...partnerFields,
});

const customerSpec = fc.record({ partner: fc.nat(7), email: fc.option(email) });

/** What changes after the first delivery to ClickHouse: it must arrive through the outbox. */
interface EditSpec {
  partners: ({ partner: number } & Partial<Omit<PartnerSpec, "key">>)[];
  customers: { customer: number; email: string | null }[];
  /** Actions (by index) whose archived flag flips. */
  toggleArchived: number[];
  /** Created late: a partnership, a customer and an action type the new actions may name. */
  newPartner: PartnerSpec | null;
  newCustomer: { partner: number; email: string | null } | null;
  newType: boolean;
  newActions: ActionSpec[];
}

const editSpec: fc.Arbitrary<EditSpec> = fc.record({
  partners: fc.array(
    fc.record({ partner: fc.nat(7), ...partnerFields }, { requiredKeys: ["partner"] }),
    { maxLength: 4 },
  ),
  customers: fc.array(fc.record({ customer: fc.nat(5), email: fc.option(email) }), {
    maxLength: 2,
  }),
  toggleArchived: fc.uniqueArray(fc.nat(39), { maxLength: 6 }),
  newPartner: fc.option(partnerSpec),
  newCustomer: fc.option(customerSpec),
  newType: fc.boolean(),
  newActions: fc.array(actionSpec, { maxLength: 4 }),
});

export interface ProgramSpec {
  timezone: (typeof PROGRAM_ZONES)[number];
  groups: string[];
  managers: number;
  tags: string[];
  types: string[];
  rules: RuleSpec[];
  partners: PartnerSpec[];
  customers: { partner: number; email: string | null }[];
  actions: ActionSpec[];
  edits: EditSpec;
}

function programSpec(size: { partners: number; actions: [number, number] }) {
  return fc.record({
    timezone: fc.constantFrom(...PROGRAM_ZONES),
    groups: fc.array(oddText(1, 4), { minLength: 1, maxLength: 3 }),
    managers: fc.oneof(fc.constant(0), { weight: 3, arbitrary: fc.integer({ min: 1, max: 2 }) }),
    tags: fc.uniqueArray(oddText(1, 4), { maxLength: 3 }),
    types: fc.uniqueArray(fc.constantFrom(...TYPE_NAMES), { minLength: 1, maxLength: 3 }),
    rules: fc.array(ruleSpec, { maxLength: 2 }),
    partners: fc.uniqueArray(partnerSpec, {
      minLength: 1,
      maxLength: size.partners,
      selector: (p) => p.key,
      size: "max",
    }),
    customers: fc.array(customerSpec, { maxLength: 4, size: "max" }),
    actions: fc.array(actionSpec, {
      minLength: size.actions[0],
      maxLength: size.actions[1],
      size: "max",
    }),
    edits: editSpec,
  }) satisfies fc.Arbitrary<ProgramSpec>;
}

/** One program to look at and a few smaller ones sharing its tables (and its names). */
interface WorldSpec {
  programs: ProgramSpec[];
  /** How the copy is first filled: the outbox, or the backfill that copies everything. */
  firstSync: "drain" | "backfill";
}

export const worldSpec: fc.Arbitrary<WorldSpec> = fc.record({
  programs: fc
    .tuple(
      programSpec({ partners: 6, actions: [10, 40] }),
      fc.array(programSpec({ partners: 3, actions: [0, 8] }), { minLength: 1, maxLength: 2 }),
    )
    .map(([main, others]) => [main, ...others]),
  firstSync: fc.constantFrom("drain", "backfill"),
});
