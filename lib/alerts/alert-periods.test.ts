import { describe, expect, it } from "vitest";
import {
  baselinePeriods,
  checkedPeriod,
  latestCheckAt,
  nextCheckAfter,
  weeksBefore,
} from "./alert-periods";
import { expectedRange, isOutOfRange, readKeys } from "./judge";

const iso = (ms: number) => new Date(ms).toISOString();

describe("when alerts are checked", () => {
  it("checks every local hour, across a change of clocks and in a half-hour zone", () => {
    // New York springs forward at 02:00 local on 2026-03-08 (07:00Z): 01:00 EST → 03:00 EDT.
    const ny = "America/New_York";
    expect(iso(nextCheckAfter("hourly", Date.parse("2026-03-08T06:20:00Z"), ny))).toBe(
      "2026-03-08T07:00:00.000Z",
    );
    expect(iso(nextCheckAfter("hourly", Date.parse("2026-03-08T07:00:00Z"), ny))).toBe(
      "2026-03-08T08:00:00.000Z",
    );
    // India is UTC+05:30: local hours start at half past in UTC.
    expect(iso(nextCheckAfter("hourly", Date.parse("2026-03-08T06:20:00Z"), "Asia/Kolkata"))).toBe(
      "2026-03-08T06:30:00.000Z",
    );
  });

  it("checks daily at local midnight over the local day just ended, 23 hours on a spring day", () => {
    const ny = "America/New_York";
    const at = nextCheckAfter("daily", Date.parse("2026-03-08T12:00:00Z"), ny);
    expect(iso(at)).toBe("2026-03-09T04:00:00.000Z");
    const day = checkedPeriod("daily", at, ny);
    expect(iso(day.start)).toBe("2026-03-08T05:00:00.000Z");
    expect(day.end - day.start).toBe(23 * 3_600_000);
  });

  it("reads the usual level from the same hour of the four weeks before, in local time", () => {
    const ny = "America/New_York";
    // 2026-03-10 09:00–10:00 EDT; a week before it was EST (14:00Z, not 13:00Z).
    const hour = checkedPeriod("hourly", Date.parse("2026-03-10T14:00:00Z"), ny);
    expect(iso(weeksBefore("hourly", hour, 1, ny).start)).toBe("2026-03-03T14:00:00.000Z");
    expect(baselinePeriods("hourly", hour, ny).map((p) => iso(p.start))).toEqual([
      "2026-03-03T14:00:00.000Z",
      "2026-02-24T14:00:00.000Z",
      "2026-02-17T14:00:00.000Z",
      "2026-02-10T14:00:00.000Z",
    ]);
  });
});

describe("an alert's range", () => {
  it("is the weeks' mean ± sensitivity × spread, the spread at least √mean and 1", () => {
    const unusual = { condition: "unusual" as const, threshold: null, sensitivity: 3 };
    // Mean 10, standard deviation √2 < √10: the spread is √10.
    const r = expectedRange(unusual, [8, 10, 12, 10]);
    expect(r.usual).toBe(10);
    expect(r.high).toBeCloseTo(10 + 3 * Math.sqrt(10), 10);
    expect(r.low).toBeCloseTo(10 - 3 * Math.sqrt(10), 10);
    // A level that never moved: one more action is not unusual.
    expect(isOutOfRange(1, expectedRange(unusual, [0, 0, 0, 0]))).toBe(false);
    expect(isOutOfRange(4, expectedRange(unusual, [0, 0, 0, 0]))).toBe(true);
    // A wide spread widens the range.
    const wide = expectedRange(unusual, [0, 100, 0, 100]);
    expect(wide.high).toBe(50 + 3 * 50);
    expect(wide.low).toBe(0);
  });

  it("reads the keys of the period, of the weeks before and those out of range until now", () => {
    const above = { condition: "above" as const, threshold: 5, sensitivity: null };
    const now = new Map([["a", { label: "A", value: 9 }]]);
    const before = [new Map([["b", { label: "B", value: 7 }]])];
    const read = readKeys(above, now, before, new Map([["c", "C"]]));
    expect(read.map((r) => [r.key, r.value, r.out])).toEqual([
      ["c", 0, false],
      ["b", 0, false],
      ["a", 9, true],
    ]);
  });
});

describe("a late check", () => {
  it("reads the latest period that ended: the start of the local hour or the local midnight", () => {
    const ny = "America/New_York";
    const late = Date.parse("2026-03-10T14:42:10Z"); // 10:42 EDT
    expect(iso(latestCheckAt("hourly", late, ny))).toBe("2026-03-10T14:00:00.000Z");
    expect(iso(latestCheckAt("daily", late, ny))).toBe("2026-03-10T04:00:00.000Z");
    expect(iso(latestCheckAt("hourly", Date.parse("2026-03-10T14:00:00Z"), ny))).toBe(
      "2026-03-10T14:00:00.000Z",
    );
  });
});

describe("when clocks go back", () => {
  it("checks each of the two repeated hours once, west and east of Greenwich", () => {
    // New York, 2026-11-01: 02:00 EDT (06:00Z) becomes 01:00 EST; 01:00–02:00 happens twice.
    const ny = "America/New_York";
    const hourly = (after: string) => iso(nextCheckAfter("hourly", Date.parse(after), ny));
    expect(hourly("2026-11-01T05:00:00Z")).toBe("2026-11-01T06:00:00.000Z");
    expect(hourly("2026-11-01T06:00:00Z")).toBe("2026-11-01T07:00:00.000Z");
    expect(iso(latestCheckAt("hourly", Date.parse("2026-11-01T06:30:00Z"), ny))).toBe(
      "2026-11-01T06:00:00.000Z",
    );
    // Berlin, 2026-10-25: 03:00 CEST (01:00Z) becomes 02:00 CET.
    const berlin = "Europe/Berlin";
    expect(iso(latestCheckAt("hourly", Date.parse("2026-10-25T00:30:00Z"), berlin))).toBe(
      "2026-10-25T00:00:00.000Z",
    );
    expect(iso(nextCheckAfter("hourly", Date.parse("2026-10-25T00:30:00Z"), berlin))).toBe(
      "2026-10-25T01:00:00.000Z",
    );
    expect(iso(latestCheckAt("hourly", Date.parse("2026-10-25T01:30:00Z"), berlin))).toBe(
      "2026-10-25T01:00:00.000Z",
    );
    // A day of 25 hours is read whole.
    const day = checkedPeriod(
      "daily",
      nextCheckAfter("daily", Date.parse("2026-11-01T12:00:00Z"), ny),
      ny,
    );
    expect(day.end - day.start).toBe(25 * 3_600_000);
  });
});
