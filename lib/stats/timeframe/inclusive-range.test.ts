import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { describePreviousPeriod } from "../previous-period";
import { inclusiveRange, LATEST_LAST_DAY, rangeLastDay } from "./inclusive-range";
import { resolveTimeframe } from "./resolve-timeframe";
import { describeTimeframe, parseTimeframe, serializeTimeframe } from "./timeframe";

const iso = (ms: number | null) =>
  ms === null ? null : new Date(ms).toISOString().replace(".000Z", "Z");
const HOUR = 3_600_000;
/** Long after every range below: none is cut at "now". */
const LATER = Date.parse("2030-01-01T00:00:00Z");

/** The URL token a person's "from – to (included)" becomes. */
function token(from: string, lastDay: string): string {
  const range = inclusiveRange(from, lastDay);
  if (typeof range === "string") throw new Error(range);
  return serializeTimeframe(range);
}

describe("inclusive ranges ↔ the URL's end-exclusive ranges", () => {
  it("keeps the last day people pick, across month, leap-day and year ends", () => {
    // [picked from, picked last day, the URL's exclusive end]
    const cases: [string, string, string][] = [
      ["2026-09-01", "2026-11-30", "2026-12-01"],
      ["2026-04-01", "2026-04-30", "2026-05-01"],
      ["2024-02-01", "2024-02-29", "2024-03-01"],
      ["2025-02-01", "2025-02-28", "2025-03-01"],
      ["2026-12-01", "2026-12-31", "2027-01-01"],
      ["1970-01-01", "1970-01-01", "1970-01-02"],
      ["9999-12-01", LATEST_LAST_DAY, "9999-12-31"],
    ];
    for (const [from, last, end] of cases) {
      expect(token(from, last)).toBe(`range_${from}_${end}`);
      const parsed = parseTimeframe(`range_${from}_${end}`)!;
      expect(parsed.kind === "range" && rangeLastDay(parsed)).toBe(last);
      expect(describeTimeframe(parsed)).toBe(`is in range ${from} – ${last}`);
    }
  });

  it("allows a one-day range and refuses a last day before the first or past the URL's dates", () => {
    expect(token("2026-09-01", "2026-09-01")).toBe("range_2026-09-01_2026-09-02");
    expect(inclusiveRange("2026-09-02", "2026-09-01")).toBe(
      "The last day must not be before the first day.",
    );
    expect(inclusiveRange("2026-09-01", "9999-12-31")).toBe(
      "The last day can be 9999-12-30 at the latest.",
    );
    expect(inclusiveRange("1969-12-31", "2026-01-01")).toMatch(/^Choose both dates/);
    expect(inclusiveRange("2026-02-29", "2026-03-01")).toMatch(/^Choose both dates/);
  });

  it("reads every URL range back as the same range (shared links keep their meaning)", () => {
    const day = fc
      .date({ min: new Date("1970-01-01T00:00:00Z"), max: new Date("9999-12-31T00:00:00Z") })
      .filter((d) => !Number.isNaN(d.getTime()))
      .map((d) => d.toISOString().slice(0, 10));
    fc.assert(
      fc.property(day, day, (a, b) => {
        const tf = parseTimeframe(`range_${a}_${b}`);
        fc.pre(tf !== null && tf.kind === "range");
        if (tf?.kind !== "range") return;
        expect(inclusiveRange(tf.from, rangeLastDay(tf))).toEqual(tf);
      }),
      { seed: 26, numRuns: 500 },
    );
  });
});

describe("a picked range in a zone: local midnights, DST days whole", () => {
  // [zone, first day, last day, first instant, instant after the last day, hours]
  const cases: [string, string, string, string, string, number][] = [
    // New York: spring forward (23 h), fall back (25 h), and a range over the fall-back change.
    [
      "America/New_York",
      "2026-03-08",
      "2026-03-08",
      "2026-03-08T05:00:00Z",
      "2026-03-09T04:00:00Z",
      23,
    ],
    [
      "America/New_York",
      "2026-11-01",
      "2026-11-01",
      "2026-11-01T04:00:00Z",
      "2026-11-02T05:00:00Z",
      25,
    ],
    [
      "America/New_York",
      "2026-09-01",
      "2026-11-30",
      "2026-09-01T04:00:00Z",
      "2026-12-01T05:00:00Z",
      91 * 24 + 1,
    ],
    // Berlin: the last Sundays of March and October, and a year's last day.
    [
      "Europe/Berlin",
      "2026-03-29",
      "2026-03-29",
      "2026-03-28T23:00:00Z",
      "2026-03-29T22:00:00Z",
      23,
    ],
    [
      "Europe/Berlin",
      "2026-10-25",
      "2026-10-25",
      "2026-10-24T22:00:00Z",
      "2026-10-25T23:00:00Z",
      25,
    ],
    [
      "Europe/Berlin",
      "2026-12-31",
      "2026-12-31",
      "2026-12-30T23:00:00Z",
      "2026-12-31T23:00:00Z",
      24,
    ],
    // Lord Howe Island moves its clocks by half an hour.
    [
      "Australia/Lord_Howe",
      "2026-04-05",
      "2026-04-05",
      "2026-04-04T13:00:00Z",
      "2026-04-05T13:30:00Z",
      24.5,
    ],
    [
      "Australia/Lord_Howe",
      "2026-10-04",
      "2026-10-04",
      "2026-10-03T13:30:00Z",
      "2026-10-04T13:00:00Z",
      23.5,
    ],
  ];
  it.each(cases)("%s %s – %s", (zone, from, last, start, end, hours) => {
    const r = resolveTimeframe(parseTimeframe(token(from, last))!, zone, LATER);
    expect(iso(r.current.start)).toBe(start);
    expect(iso(r.current.end)).toBe(end);
    expect((r.current.end! - r.current.start!) / HOUR).toBe(hours);
    expect(r.description).toBe(from === last ? from : `${from} – ${last}`);
  });
});

describe("the previous period's dates", () => {
  it("names the same number of days just before a past range", () => {
    const r = resolveTimeframe(
      parseTimeframe(token("2026-09-01", "2026-11-30"))!,
      "America/New_York",
      LATER,
    );
    // 91 days back from 1 September: 2 June – 31 August.
    expect(describePreviousPeriod({ previous: r.previous, timezone: "America/New_York" })).toBe(
      "2026-06-02 – 2026-08-31",
    );
  });

  it("names the moment a period still running is compared up to", () => {
    const now = Date.parse("2026-11-20T19:05:00Z"); // 14:05 in New York
    const r = resolveTimeframe(parseTimeframe("past_30_days")!, "America/New_York", now);
    // The past 30 days are 22 Oct – 20 Nov; the 30 before them, 22 Sep – 21 Oct up to 14:05.
    expect(describePreviousPeriod({ previous: r.previous, timezone: "America/New_York" })).toBe(
      "2026-09-22 – 2026-10-21, until 14:05",
    );
  });

  it("is none for a timeframe without one", () => {
    const r = resolveTimeframe(parseTimeframe("since_2026-01-01")!, "Europe/Berlin", LATER);
    expect(describePreviousPeriod({ previous: r.previous, timezone: "Europe/Berlin" })).toBeNull();
  });
});
