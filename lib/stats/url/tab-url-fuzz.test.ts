// Fuzzer for the Actions tab's URL: random search params — valid tokens, near misses, numbers out
// of range, nasty text, repeated keys, unknown keys — read by the server-side loader. It never
// throws; it warns about exactly the values it ignores (judged here by the tab's documented
// rules, not by the parsers); what it returns is itself a clean URL; and a program's page, drill-
// down and table queries answer any of them.
//
// FUZZ_RUNS URLs for the loader (default 1,000; `npm run check:fuzz` runs 10,000) and a tenth of
// that through the database queries on each engine. Deterministic; FC_SEED=<n> for another seed.
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { MAX_INT } from "../../validation/fields";
import { extremeTimeframe } from "../../testing/fuzz-timeframes";
import { nastyString } from "../../testing/fuzz-values";
import { postgresTabSources } from "../../testing/test-analytics";
import { seedTabProgram } from "../../testing/tab-fixture";
import { createTestDatabase, type TestDatabase } from "../../testing/test-database";
import { loadTabState, TAB_PARAM_LABELS, type RawSearchParams } from "./load-tab-state";
import { loadView } from "../load-view";
import { getDrillDown } from "../get-drill-down";
import { getOccurrenceTable } from "../get-occurrence-table";
import { getSeries } from "../get-series";
import { getSummary } from "../get-summary";
import {
  chartParsers,
  drillParsers,
  filterParsers,
  serializeTabUrl,
  tableParsers,
} from "./search-params";
import { parseTimeframe } from "../timeframe/timeframe";

const RUNS = Number(process.env.FUZZ_RUNS ?? 1000);
const SEED = Number(process.env.FC_SEED ?? 20261126);

const ENUMS: Record<string, readonly string[]> = {
  timescale: ["day", "week", "month", "quarter", "year"],
  compare: ["previous_period", "previous_year", "none"],
  group_op: ["include", "exclude"],
  manager_op: ["include", "exclude"],
  tag_op: ["any_of", "none_of"],
  action_type_op: ["include", "exclude"],
  property_op: ["include", "exclude"],
  marketplace: ["any", "yes", "no"],
  archived: ["any", "yes", "no"],
  sort: ["name", "email", "type", "value", "occurrences", "rewards"],
  dir: ["asc", "desc"],
  drill_sort: ["time", "value", "reward"],
  period: ["compared"],
  drill_dir: ["asc", "desc"],
  per_page: ["25", "50", "100"],
  converted: ["yes", "no"],
};
const ID_LISTS = ["group", "manager", "tag", "action_type"];
const TEXTS = ["name", "email", "partner", "type", "from", "to", "by_key"];
/** Keys naming a breakdown: a kind, or `property:` and a property's name as the API allows. */
const BREAKDOWNS = ["stack_by", "rows_by", "by"];
const KINDS = ["type", "group", "manager", "tag", "marketplace", "partner"];
const digitsIn = (text: string, min: number, max: number) =>
  /^\d+$/.test(text) && Number(text) >= min && Number(text) <= max;

/** Whether the tab's rules accept a raw value for a key (the independent judgement). */
function acceptable(key: string, text: string): boolean {
  if (ENUMS[key]) return ENUMS[key].includes(text);
  if (ID_LISTS.includes(key)) return text.split(",").every((id) => digitsIn(id, 1, MAX_INT));
  if (TEXTS.includes(key))
    return text.length <= 255 && !text.includes("\u0000") && text.isWellFormed();
  if (key === "page") return digitsIn(text, 1, 100_000);
  if (key === "value" || key === "view" || key === "in_group") return digitsIn(text, 1, MAX_INT);
  if (key === "within") return digitsIn(text, 1, 3650);
  if (key === "after" || key === "before") return /^\d{1,15}_\d{1,18}$/.test(text);
  // Series names: "~other", or 1–255 characters whose "~" only escape ("~0", "~1"), no NUL,
  // no lone surrogate; at most 100 of them.
  if (key === "hidden") {
    const names = text.split(",");
    return (
      names.length <= 100 &&
      names.every(
        (n) =>
          n === "~other" ||
          (n.length >= 1 &&
            n.length <= 255 &&
            !/~[^01]|~$/.test(n) &&
            !n.includes("\u0000") &&
            n.isWellFormed()),
      )
    );
  }
  if (BREAKDOWNS.includes(key))
    return KINDS.includes(text) || /^property:[A-Za-z0-9_.:-]{1,64}$/.test(text);
  // `<name>=<values>`: a name as the API allows, then 1–50 values split at commas, each with
  // "~0"/"~1" escapes only, 1–256 characters once unescaped, no NUL, no lone surrogate.
  if (key === "property") {
    const match = /^([A-Za-z0-9_.:-]{1,64})=([\s\S]*)$/.exec(text);
    if (!match) return false;
    const values = match[2].split(",");
    return (
      values.length <= 50 &&
      values.every((v) => {
        if (/~[^01]|~$/.test(v)) return false;
        const plain = v.replace(/~1/g, ",").replace(/~0/g, "~");
        return (
          plain.length >= 1 &&
          plain.length <= 256 &&
          !plain.includes("\u0000") &&
          plain.isWellFormed()
        );
      })
    );
  }
  // Timeframe phrasings have their own tests (timeframe.test.ts); here: the loader uses them.
  if (key === "timeframe") return parseTimeframe(text) !== null;
  return true;
}

const date = fc.oneof(
  fc
    .date({ min: new Date("1900-01-01"), max: new Date("2100-01-01"), noInvalidDate: true })
    .map((d) => d.toISOString().slice(0, 10)),
  fc.constantFrom("0000-01-01", "9999-12-31", "2026-02-30", "2026-13-01", "2026-1-1", "1969-12-31"),
);
const unit = fc.constantFrom(
  "day",
  "days",
  "week",
  "weeks",
  "month",
  "months",
  "quarter",
  "years",
  "fortnight",
);
const timeframe = fc.oneof(
  fc.constantFrom(
    "any_time",
    "any",
    "today",
    "yesterday",
    "this_week",
    "last_quarter",
    "ANY_TIME",
    " today ",
  ),
  fc
    .tuple(fc.nat({ max: 2_000_000 }), fc.boolean(), unit)
    .map(([n, c, u]) => `past_${n}_${c ? "complete_" : ""}${u}`),
  fc.tuple(fc.constantFrom("on", "before", "since"), date).map(([k, d]) => `${k}_${d}`),
  fc.tuple(date, date).map(([a, b]) => `range_${a}_${b}`),
  // The calendar's ends (years 1–1899, 9990–99999): the HTTP fuzzer e2e/tab-url-extremes.spec.ts
  // sends the same to a running server with a deadline and a memory ceiling.
  extremeTimeframe,
);
const integerText = fc.oneof(
  fc.constantFrom(
    "0",
    "1",
    "2",
    "01",
    "-1",
    "1.5",
    "1e3",
    "0x1",
    "2abc",
    " 3",
    "2147483647",
    "2147483648",
  ),
  fc.bigInt({ min: 0n, max: 10n ** 22n }).map(String),
);

const breakdown = fc.oneof(
  fc.constantFrom(
    ...KINDS,
    "property",
    "property:",
    "property:plan",
    "property:a b",
    "Type",
    "tags",
  ),
  fc.string({ maxLength: 8 }).map((s) => `property:${s}`),
);

const seriesName = fc.oneof(
  fc.constantFrom(
    "signup",
    "~other",
    "a.b:c-d",
    "Other types",
    "~others",
    "x".repeat(256),
    "",
    "Acme~1 Inc",
    "a~2",
  ),
  fc.stringMatching(/^[\w.:-]{1,12}$/),
);

// A keyset position: a sort value (epoch ms, value or reward; maybe out of range, or negative)
// and an id.
const cursor = fc.oneof(
  fc
    .tuple(
      fc.bigInt({ min: -(10n ** 16n), max: 10n ** 16n }),
      fc.bigInt({ min: 0n, max: 10n ** 19n }),
    )
    .map(([a, b]) => `${a}_${b}`),
  fc.constantFrom("1_2", "_", "1_", "x_1", "-1_1", "--1_1"),
);

// A property filter: well formed, with escapes, or near misses (no "=", a bad name, a bad escape,
// an empty value, a value too long, too many values).
const propertyValue = fc.oneof(
  fc.constantFrom("pro", "pro~1 annual", "~0tilde", "5", "true", "Ünï ✓", "a=b", ""),
  fc.string({ maxLength: 6 }),
  fc.constantFrom("~", "~2", "x".repeat(257), "a\u0000"),
);
const property = fc.oneof(
  fc
    .tuple(
      fc.constantFrom("plan", "geo.country:code", "seats", "", "my plan", "k".repeat(65), "a,b"),
      fc.array(propertyValue, { minLength: 1, maxLength: 3 }),
    )
    .map(([name, values]) => `${name}=${values.join(",")}`),
  fc.constantFrom("plan", "plan=", "=pro", `plan=${Array(51).fill("a").join(",")}`),
);

const valueFor: Record<string, fc.Arbitrary<string>> = {
  timeframe,
  property,
  ...Object.fromEntries(BREAKDOWNS.map((key) => [key, breakdown])),
  hidden: fc.oneof(
    fc.array(seriesName, { minLength: 1, maxLength: 4 }).map((names) => names.join(",")),
    fc.constant(Array(101).fill("a").join(",")),
  ),
  page: integerText,
  value: integerText,
  view: integerText,
  in_group: integerText,
  within: fc.oneof(integerText, fc.constantFrom("0", "1", "3650", "3651", "30")),
  after: cursor,
  before: cursor,
  ...Object.fromEntries(
    Object.entries(ENUMS).map(([key, values]) => [
      key,
      fc.constantFrom(...values, values[0].toUpperCase(), ""),
    ]),
  ),
  per_page: fc.oneof(
    fc.constantFrom("25", "50", "100", "25abc", "025", "50.0", "1e2"),
    integerText,
  ),
  ...Object.fromEntries(
    ID_LISTS.map((key) => [
      key,
      fc.array(integerText, { minLength: 1, maxLength: 3 }).map((ids) => ids.join(",")),
    ]),
  ),
  ...Object.fromEntries(TEXTS.map((key) => [key, fc.string({ maxLength: 10 })])),
};
const KEYS = Object.keys(valueFor);

/** A raw value: one of the key's own, a nasty string, or a list of them (a repeated key). */
const rawValue = (key: string) =>
  fc.oneof(
    { weight: 6, arbitrary: valueFor[key] },
    { weight: 2, arbitrary: nastyString },
    {
      weight: 1,
      arbitrary: fc.array(fc.oneof(valueFor[key], nastyString), { minLength: 1, maxLength: 3 }),
    },
  );

const searchParams: fc.Arbitrary<RawSearchParams> = fc
  .tuple(
    fc
      .subarray(KEYS)
      .chain((keys) => fc.tuple(...keys.map((key) => rawValue(key).map((v) => [key, v] as const)))),
    fc.dictionary(nastyString, nastyString, { maxKeys: 2 }),
  )
  .map(([known, unknown]) => ({ ...unknown, ...Object.fromEntries(known) }));

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

/** The warning the loader gives for an ignored value, up to where its wording varies. */
const warningStart = (key: string, text: string) =>
  `${TAB_PARAM_LABELS[key]}: “${text.slice(0, 60)}”`;

describe("reading random tab URLs", () => {
  it("draws every key the tab's URL has (a new filter cannot slip past the fuzzer)", () => {
    const keys = Object.keys({
      ...filterParsers,
      ...chartParsers,
      ...tableParsers,
      ...drillParsers,
    });
    expect([...KEYS].sort()).toEqual([...keys].sort());
  });

  it(`warns about exactly the values it ignores, and returns a clean URL, for ${RUNS} URLs`, () => {
    fc.assert(
      fc.property(searchParams, (raw) => {
        const state = loadTabState(raw);
        const refused = KEYS.filter((key) => {
          const text = first(raw[key]);
          return text !== undefined && text !== "" && !acceptable(key, text);
        });
        const expected = refused.map((key) => warningStart(key, first(raw[key])!));
        const said = state.warnings.map((w) => w.slice(0, w.indexOf("” is not a valid value") + 1));
        expect(said.sort()).toEqual(expected.sort());
        // The same problems by parameter, for strict readers (the reporting API's 422).
        expect(state.problems.map((p) => p.field).sort()).toEqual([...refused].sort());

        // What it returns is a URL the tab accepts as it is: no warning, same state.
        const url = serializeTabUrl("", {
          ...state.filters,
          ...state.chart,
          ...state.table,
          ...state.drill,
        });
        const again = loadTabState(Object.fromEntries(new URLSearchParams(url)));
        expect(again.warnings).toEqual([]);
        expect(again).toEqual({ ...state, warnings: [], problems: [] });
      }),
      { seed: SEED, numRuns: RUNS, path: process.env.FC_PATH },
    );
  });
});

const QUERY_RUNS = Math.max(10, Math.ceil(RUNS / 10 / inject("engines").length));

describe.each(inject("engines"))("the tab's queries on %s for random URLs", (engine) => {
  let db: TestDatabase;
  let program: { id: number; timezone: string };
  beforeAll(async () => {
    db = await createTestDatabase(engine);
    program = (await db.withRunner((runner) => seedTabProgram(db.prisma, runner))).program;
  });
  afterAll(() => db.close());

  it("answers a range of 8,000 years, whose previous period lies before any calendar's start", async () => {
    const view = await loadView(postgresTabSources(db), program, {
      timeframe: "range_1970-01-01_9999-12-31",
    });
    const summary = await getSummary(view.scope);
    expect(summary.current.occurrences).toBeGreaterThan(0);
    expect(summary.previous?.occurrences).toBe(0);
  });

  it(
    `answers ${QUERY_RUNS} random URLs: tiles, chart, table and drill-down`,
    async () => {
      await fc.assert(
        fc.asyncProperty(searchParams, async (raw) => {
          const view = await loadView(postgresTabSources(db), program, raw);
          expect(view.warnings).toEqual(expect.arrayContaining(loadTabState(raw).warnings));
          await Promise.all([
            getSummary(view.scope),
            getSeries(view.scope),
            getOccurrenceTable(view.scope, view.table),
            getDrillDown(view.scope, view.drill),
          ]);
        }),
        { seed: SEED, numRuns: QUERY_RUNS, path: process.env.FC_PATH },
      );
    },
    60_000 + QUERY_RUNS * 500,
  );
});
