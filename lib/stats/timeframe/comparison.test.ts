// The period a timeframe is compared with (`compare`): the same calendar period a year before in
// the program's zone, 29 February and daylight saving included. Expected instants are written out
// by hand from the calendar, not computed.
import { describe, expect, it } from "vitest";
import { resolveTimeframe, type Comparison } from "./resolve-timeframe";
import { parseTimeframe } from "./timeframe";

const NY = "America/New_York";
const UTC = "UTC";
const iso = (ms: number | null | undefined) =>
  ms === null || ms === undefined ? null : new Date(ms).toISOString();
const compared = (token: string, now: string, tz: string, compare: Comparison) => {
  const r = resolveTimeframe(parseTimeframe(token)!, tz, Date.parse(now), compare);
  return r.previous && [iso(r.previous.start), iso(r.previous.end)];
};

describe("compare=previous_year", () => {
  it("compares February 2025 with all of February 2024, its 29th included", () => {
    expect(compared("last_month", "2025-03-10T12:00:00Z", NY, "previous_year")).toEqual([
      "2024-02-01T05:00:00.000Z",
      "2024-03-01T05:00:00.000Z",
    ]);
  });

  it("compares 29 February with the 28th a year before", () => {
    expect(compared("on_2024-02-29", "2024-06-01T00:00:00Z", UTC, "previous_year")).toEqual([
      "2023-02-28T00:00:00.000Z",
      "2023-03-01T00:00:00.000Z",
    ]);
    // A range's days move date by date: its last day (the 29th) becomes the 28th.
    expect(
      compared("range_2024-02-01_2024-03-01", "2024-06-01T00:00:00Z", UTC, "previous_year"),
    ).toEqual(["2023-02-01T00:00:00.000Z", "2023-03-01T00:00:00.000Z"]);
  });

  it("compares a range ending on 28 February with one ending on 28 February, not the 29th", () => {
    expect(
      compared("range_2025-02-01_2025-03-01", "2025-06-01T00:00:00Z", UTC, "previous_year"),
    ).toEqual(["2024-02-01T00:00:00.000Z", "2024-02-29T00:00:00.000Z"]);
    expect(compared("on_2025-02-28", "2025-06-01T00:00:00Z", UTC, "previous_year")).toEqual([
      "2024-02-28T00:00:00.000Z",
      "2024-02-29T00:00:00.000Z",
    ]);
  });

  it("compares a period under way up to the same local time a year before (29 Feb → 28 Feb)", () => {
    // Today is 29 Feb 2024, 15:30 in New York (EST): the past 30 days start on 31 January.
    expect(compared("past_30_days", "2024-02-29T20:30:00Z", NY, "previous_year")).toEqual([
      "2023-01-31T05:00:00.000Z",
      "2023-02-28T20:30:00.000Z",
    ]);
  });

  it("compares weeks with the weeks 52 weeks before, weekday for weekday", () => {
    // Sunday 6 Dec 2026: this week began on Monday 30 Nov; 52 weeks before is Monday 1 Dec 2025.
    expect(compared("this_week", "2026-12-06T10:00:00Z", UTC, "previous_year")).toEqual([
      "2025-12-01T00:00:00.000Z",
      "2025-12-07T10:00:00.000Z",
    ]);
    expect(compared("past_2_complete_weeks", "2026-12-06T10:00:00Z", UTC, "previous_year")).toEqual(
      ["2025-11-17T00:00:00.000Z", "2025-12-01T00:00:00.000Z"],
    );
  });

  it("keeps local midnights across daylight saving time in the program's zone", () => {
    // March 2026 in New York: EST on the 1st, EDT from the 8th; the same in 2025 (from the 9th).
    expect(compared("last_month", "2026-04-15T12:00:00Z", NY, "previous_year")).toEqual([
      "2025-03-01T05:00:00.000Z",
      "2025-04-01T04:00:00.000Z",
    ]);
    expect(compared("this_quarter", "2026-12-06T12:00:00Z", NY, "previous_year")).toEqual([
      "2025-10-01T04:00:00.000Z",
      "2025-12-06T12:00:00.000Z",
    ]);
  });

  it("crosses year boundaries: last year compares with the year before it", () => {
    expect(compared("last_year", "2026-01-02T00:00:00Z", UTC, "previous_year")).toEqual([
      "2024-01-01T00:00:00.000Z",
      "2025-01-01T00:00:00.000Z",
    ]);
  });
});

describe("compare=previous_period and none", () => {
  it("previous_period is the equal span before (the tiles' comparison of old)", () => {
    expect(compared("last_month", "2025-03-10T12:00:00Z", NY, "previous_period")).toEqual([
      "2025-01-01T05:00:00.000Z",
      "2025-02-01T05:00:00.000Z",
    ]);
  });

  it("none compares with nothing; timeframes without a period before have none either", () => {
    expect(compared("last_month", "2025-03-10T12:00:00Z", NY, "none")).toBeNull();
    expect(compared("any_time", "2025-03-10T12:00:00Z", NY, "previous_year")).toBeNull();
    expect(compared("since_2025-01-01", "2025-03-10T12:00:00Z", NY, "previous_year")).toBeNull();
  });
});
