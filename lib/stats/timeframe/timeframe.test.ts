import { describe, expect, it } from "vitest";
import { resolveTimeframe } from "./resolve-timeframe";
import { parseTimeframe, serializeTimeframe } from "./timeframe";

const NY = "America/New_York";
const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());
const resolve = (token: string, now: string, tz = NY) => {
  const r = resolveTimeframe(parseTimeframe(token)!, tz, Date.parse(now));
  return {
    start: iso(r.current.start),
    end: iso(r.current.end),
    prevStart: iso(r.previous?.start ?? null),
    prevEnd: iso(r.previous?.end ?? null),
    description: r.description,
  };
};

describe("timeframe tokens", () => {
  it("round-trips every phrasing", () => {
    for (const token of [
      "any_time",
      "past_30_days",
      "past_1_week",
      "past_3_complete_months",
      "past_2_quarters",
      "past_5_complete_years",
      "on_2026-03-08",
      "range_2026-10-01_2026-11-01",
      "before_2026-01-01",
      "since_2026-01-01",
      "this_week",
      "last_month",
      "this_quarter",
      "last_year",
      "today",
      "yesterday",
    ]) {
      expect(serializeTimeframe(parseTimeframe(token)!)).toBe(token);
    }
  });

  it("refuses malformed values instead of guessing", () => {
    for (const token of [
      "",
      "past_0_days",
      "past_-3_days",
      "past_3_fortnights",
      "past_x_days",
      "on_2026-02-30",
      "on_26-1-1",
      "range_2026-11-01_2026-10-01",
      "range_2026-11-01_2026-11-01",
      "this_decade",
      "soon",
    ]) {
      expect(parseTimeframe(token), token).toBeNull();
    }
  });
});

describe("resolving timeframes in the program's timezone", () => {
  it("makes the spring-forward day 23 hours and the fall-back day 25 hours long", () => {
    expect(resolve("on_2026-03-08", "2026-06-01T12:00:00Z")).toMatchObject({
      start: "2026-03-08T05:00:00.000Z",
      end: "2026-03-09T04:00:00.000Z",
    });
    expect(resolve("on_2026-11-01", "2026-12-01T12:00:00Z")).toMatchObject({
      start: "2026-11-01T04:00:00.000Z",
      end: "2026-11-02T05:00:00.000Z",
    });
  });

  it("takes 'today' from the program's clock, not UTC's", () => {
    // 03:00 UTC on the 24th is still the evening of the 23rd in New York.
    expect(resolve("today", "2026-11-24T03:00:00Z")).toMatchObject({
      start: "2026-11-23T05:00:00.000Z",
      end: "2026-11-24T05:00:00.000Z",
      description: "2026-11-23",
    });
    expect(resolve("yesterday", "2026-11-24T03:00:00Z")).toMatchObject({
      start: "2026-11-22T05:00:00.000Z",
      end: "2026-11-23T05:00:00.000Z",
    });
    expect(resolve("today", "2026-11-24T03:00:00Z", "Europe/Berlin")).toMatchObject({
      start: "2026-11-23T23:00:00.000Z",
    });
  });

  it("starts weeks on Monday", () => {
    // Wednesday 2026-11-25.
    expect(resolve("this_week", "2026-11-25T15:00:00Z")).toMatchObject({
      start: "2026-11-23T05:00:00.000Z",
      end: "2026-11-30T05:00:00.000Z",
    });
    expect(resolve("last_week", "2026-11-25T15:00:00Z")).toMatchObject({
      start: "2026-11-16T05:00:00.000Z",
      end: "2026-11-23T05:00:00.000Z",
    });
    // On a Sunday the week began six days earlier.
    expect(resolve("this_week", "2026-11-29T15:00:00Z")).toMatchObject({
      start: "2026-11-23T05:00:00.000Z",
    });
  });

  it("includes the current partial unit in 'past N' and excludes it in 'past N complete'", () => {
    expect(resolve("past_3_days", "2026-11-25T15:00:00Z")).toMatchObject({
      start: "2026-11-23T05:00:00.000Z",
      end: null,
      prevStart: "2026-11-20T05:00:00.000Z",
      prevEnd: "2026-11-22T15:00:00.000Z",
    });
    expect(resolve("past_3_complete_days", "2026-11-25T15:00:00Z")).toMatchObject({
      start: "2026-11-22T05:00:00.000Z",
      end: "2026-11-25T05:00:00.000Z",
      prevStart: "2026-11-19T05:00:00.000Z",
      prevEnd: "2026-11-22T05:00:00.000Z",
    });
  });

  it("crosses month, quarter, year and DST boundaries with calendar units", () => {
    expect(resolve("past_2_complete_months", "2027-01-10T12:00:00Z")).toMatchObject({
      start: "2026-11-01T04:00:00.000Z",
      end: "2027-01-01T05:00:00.000Z",
      prevStart: "2026-09-01T04:00:00.000Z",
      prevEnd: "2026-11-01T04:00:00.000Z",
      description: "2026-11-01 – 2026-12-31",
    });
    expect(resolve("last_year", "2027-01-10T12:00:00Z")).toMatchObject({
      start: "2026-01-01T05:00:00.000Z",
      end: "2027-01-01T05:00:00.000Z",
    });
    expect(resolve("this_quarter", "2026-11-25T15:00:00Z")).toMatchObject({
      start: "2026-10-01T04:00:00.000Z",
      end: "2027-01-01T05:00:00.000Z",
      prevStart: "2026-07-01T04:00:00.000Z",
      prevEnd: "2026-08-25T14:00:00.000Z" /* 10:00 local, now in EDT */,
    });
    expect(resolve("this_month", "2026-03-15T12:00:00Z")).toMatchObject({
      start: "2026-03-01T05:00:00.000Z",
      end: "2026-04-01T04:00:00.000Z",
    });
  });

  it("treats ranges as start-inclusive, end-exclusive and open ends as unbounded", () => {
    expect(resolve("range_2026-10-01_2026-11-01", "2026-12-01T12:00:00Z")).toMatchObject({
      start: "2026-10-01T04:00:00.000Z",
      end: "2026-11-01T04:00:00.000Z",
      prevStart: "2026-08-31T04:00:00.000Z",
      prevEnd: "2026-10-01T04:00:00.000Z",
      description: "2026-10-01 – 2026-10-31",
    });
    expect(resolve("before_2026-01-01", "2026-12-01T12:00:00Z")).toMatchObject({
      start: null,
      end: "2026-01-01T05:00:00.000Z",
      prevStart: null,
    });
    expect(resolve("since_2026-01-01", "2026-12-01T12:00:00Z")).toMatchObject({
      start: "2026-01-01T05:00:00.000Z",
      end: null,
      prevStart: null,
    });
    expect(resolve("any_time", "2026-12-01T12:00:00Z")).toMatchObject({
      start: null,
      end: null,
      prevStart: null,
      description: "all time",
    });
  });
});
