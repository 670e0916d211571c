import { describe, expect, it } from "vitest";
import { addToDate, addToInstant, startOfUnit, unitsBetween } from "./calendar-units";

const date = (year: number, month: number, day: number) => ({ year, month, day });

describe("calendar units", () => {
  it("starts weeks on Monday and quarters in January, April, July and October", () => {
    const sunday = date(2026, 11, 29);
    expect(startOfUnit(sunday, "day")).toEqual(sunday);
    expect(startOfUnit(sunday, "week")).toEqual(date(2026, 11, 23));
    expect(startOfUnit(date(2026, 11, 23), "week")).toEqual(date(2026, 11, 23));
    expect(startOfUnit(sunday, "month")).toEqual(date(2026, 11, 1));
    expect(startOfUnit(sunday, "quarter")).toEqual(date(2026, 10, 1));
    expect(startOfUnit(sunday, "year")).toEqual(date(2026, 1, 1));
  });

  it("adds units, clamping to the end of a shorter month", () => {
    expect(addToDate(date(2026, 1, 31), 1, "month")).toEqual(date(2026, 2, 28));
    expect(addToDate(date(2024, 2, 29), 1, "year")).toEqual(date(2025, 2, 28));
    expect(addToDate(date(2026, 11, 30), -1, "quarter")).toEqual(date(2026, 8, 30));
    expect(addToDate(date(2026, 12, 28), 1, "week")).toEqual(date(2027, 1, 4));
    expect(addToDate(date(1970, 1, 1), -1, "day")).toEqual(date(1969, 12, 31));
  });

  it("counts the unit boundaries between two dates", () => {
    expect(unitsBetween(date(2026, 3, 1), date(2026, 3, 31), "day")).toBe(30);
    expect(unitsBetween(date(2026, 11, 29), date(2026, 11, 30), "week")).toBe(1); // Sun → Mon
    expect(unitsBetween(date(2026, 1, 31), date(2026, 2, 1), "month")).toBe(1);
    expect(unitsBetween(date(2026, 3, 31), date(2026, 4, 1), "quarter")).toBe(1);
    expect(unitsBetween(date(1970, 1, 1), date(9999, 12, 31), "year")).toBe(8029);
  });

  it("moves an instant by calendar units keeping its local time across a DST change", () => {
    // 10:00 EST in November back one quarter is 10:00 EDT in August.
    expect(
      addToInstant(Date.parse("2026-11-25T15:00:00Z"), -1, "quarter", "America/New_York"),
    ).toBe(Date.parse("2026-08-25T14:00:00Z"));
  });

  it("gives the same dates whatever the server's own zone", () => {
    const serverZone = process.env.TZ;
    try {
      // Santiago's clocks skip midnight on 2026-09-06; New York's skip 02:00 on 2026-03-08.
      for (const server of ["America/Santiago", "America/New_York", "Asia/Kathmandu"]) {
        process.env.TZ = server;
        expect(addToDate(date(2026, 9, 5), 1, "day"), server).toEqual(date(2026, 9, 6));
        expect(startOfUnit(date(2026, 9, 9), "week"), server).toEqual(date(2026, 9, 7));
        expect(unitsBetween(date(2026, 3, 7), date(2026, 3, 9), "day"), server).toBe(2);
      }
    } finally {
      if (serverZone === undefined) delete process.env.TZ;
      else process.env.TZ = serverZone;
    }
  });
});
