// Period names from buckets counted in a program's zone: across DST changes, a week over a year's
// end, zones with half-hour offsets and the date line. Expected names are written out by hand.
import { describe, expect, it } from "vitest";
import { bucketLabels } from "../timeframe/buckets";
import { bucketOfInstant, periodLabel, soFar } from "./period-label";

const at = (iso: string) => Date.parse(iso);
const names = (first: string, last: string, unit: Parameters<typeof periodLabel>[1], tz: string) =>
  bucketLabels(at(first), at(last), unit, tz).map((b) => periodLabel(b, unit));

describe("period names", () => {
  it("names each timescale as people do, with short forms for the axis", () => {
    expect(periodLabel("2025-04-01", "quarter")).toBe("Q2 2025");
    expect(periodLabel("2025-01-01", "year")).toBe("2025");
    expect(periodLabel("2025-10-06", "week")).toBe("Week of 6 Oct 2025");
    expect(periodLabel("2025-10-06", "week", "short")).toBe("6 Oct");
    expect(periodLabel("2025-10-01", "month")).toBe("Oct 2025");
    expect(periodLabel("2025-10-06", "day")).toBe("6 Oct 2025");
    expect(periodLabel("2025-10-06", "day", "short")).toBe("6 Oct");
    expect(soFar("Q4 2026")).toBe("Q4 2026 (so far)");
  });

  it("counts days across New York's autumn DST change (a 25-hour day)", () => {
    // 2 Nov runs 25 hours, 04:00Z to 05:00Z the next day: 04:59:59Z on 3 Nov is still 2 Nov.
    const ny = (last: string) => names("2025-11-01T04:00:00Z", last, "day", "America/New_York");
    expect(ny("2025-11-03T04:59:59Z")).toEqual(["1 Nov 2025", "2 Nov 2025"]);
    expect(ny("2025-11-03T05:00:00Z")).toEqual(["1 Nov 2025", "2 Nov 2025", "3 Nov 2025"]);
    // 23:30 local on 2 Nov is 04:30Z on 3 Nov, after the clocks went back.
    expect(
      periodLabel(bucketOfInstant(at("2025-11-03T04:30:00Z"), "day", "America/New_York"), "day"),
    ).toBe("2 Nov 2025");
  });

  it("starts weeks on Monday, a week over the year's end named by its Monday", () => {
    expect(names("2025-12-24T12:00:00Z", "2026-01-06T12:00:00Z", "week", "UTC")).toEqual([
      "Week of 22 Dec 2025",
      "Week of 29 Dec 2025",
      "Week of 5 Jan 2026",
    ]);
    // New Year's Day in Auckland is still 31 Dec in London: one instant, two weeks' days.
    const newYear = at("2025-12-31T12:30:00Z");
    expect(periodLabel(bucketOfInstant(newYear, "day", "Pacific/Auckland"), "day")).toBe(
      "1 Jan 2026",
    );
    expect(periodLabel(bucketOfInstant(newYear, "year", "Pacific/Auckland"), "year")).toBe("2026");
    expect(periodLabel(bucketOfInstant(newYear, "year", "Europe/London"), "year")).toBe("2025");
  });

  it("names a week spanning two months, and the week of Berlin's spring DST change", () => {
    expect(names("2025-09-30T12:00:00Z", "2025-10-01T12:00:00Z", "week", "Europe/Berlin")).toEqual([
      "Week of 29 Sep 2025",
    ]);
    // Clocks go forward on Sunday 30 March 2025: the week stays one bucket.
    expect(
      names("2025-03-24T00:00:00+01:00", "2025-03-30T23:59:59+02:00", "week", "Europe/Berlin"),
    ).toEqual(["Week of 24 Mar 2025"]);
  });

  it("places an instant in its zone's quarter and month, half-hour offsets included", () => {
    // 30 Jun 2025 20:00Z is 1 Jul 01:30 in Kolkata (+05:30) and 30 Jun in Los Angeles.
    const instant = at("2025-06-30T20:00:00Z");
    expect(periodLabel(bucketOfInstant(instant, "quarter", "Asia/Kolkata"), "quarter")).toBe(
      "Q3 2025",
    );
    expect(periodLabel(bucketOfInstant(instant, "quarter", "America/Los_Angeles"), "quarter")).toBe(
      "Q2 2025",
    );
    expect(periodLabel(bucketOfInstant(instant, "month", "Asia/Kolkata"), "month")).toBe(
      "Jul 2025",
    );
    expect(
      names("2025-01-15T00:00:00Z", "2025-12-15T00:00:00Z", "quarter", "Asia/Kolkata"),
    ).toEqual(["Q1 2025", "Q2 2025", "Q3 2025", "Q4 2025"]);
  });
});
