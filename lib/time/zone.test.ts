import { describe, expect, it } from "vitest";
import { createRandom } from "../seed/random";
import {
  dateOf,
  fromWallTime,
  startOfDate,
  toWallTime,
  toWallTimeCached,
  type WallTime,
} from "./zone";

// Zones with DST, half-hour and 45-minute offsets, a 30-minute DST shift, and a date line jump.
const ZONES = [
  "America/New_York",
  "Europe/Berlin",
  "Asia/Kathmandu",
  "America/St_Johns",
  "Africa/Monrovia",
  "Australia/Lord_Howe",
  "Pacific/Chatham",
  "Pacific/Apia",
  "UTC",
];

describe("cached wall time", () => {
  it("equals the uncached wall time for random instants and each second around changes", () => {
    const random = createRandom(7);
    const from = Date.UTC(1890, 0, 1);
    const to = Date.UTC(2080, 0, 1);
    for (const zone of ZONES) {
      for (let i = 0; i < 3000; i++) {
        const instant = Math.floor(from + random.next() * (to - from));
        expect(toWallTimeCached(instant, zone), `${zone} ${instant}`).toEqual(
          toWallTime(instant, zone),
        );
      }
      // Each second around the 2026 spring and autumn changes of the northern zones.
      for (const around of [
        Date.UTC(2026, 2, 8, 7),
        Date.UTC(2026, 2, 29, 1),
        Date.UTC(2026, 10, 1, 6),
      ]) {
        for (let s = -3600; s <= 3600; s += 1) {
          const instant = around + s * 1000 + 123;
          expect(toWallTimeCached(instant, zone)).toEqual(toWallTime(instant, zone));
        }
      }
    }
  });
});

describe("wall time and its instant", () => {
  it("reads the same wall clock as Intl from 1970 on", () => {
    const random = createRandom(3);
    for (const zone of ZONES) {
      const intl = new Intl.DateTimeFormat("en-US", {
        timeZone: zone,
        hourCycle: "h23",
        year: "numeric",
        month: "numeric",
        day: "numeric",
        hour: "numeric",
        minute: "numeric",
        second: "numeric",
      });
      for (let i = 0; i < 500; i++) {
        const instant = Math.floor(Date.UTC(1970, 0, 1) + random.next() * 3e12);
        const parts = Object.fromEntries(
          intl.formatToParts(instant).map((p) => [p.type, Number(p.value)]),
        );
        expect(toWallTime(instant, zone), `${zone} ${instant}`).toMatchObject({
          year: parts.year,
          month: parts.month,
          day: parts.day,
          hour: parts.hour,
          minute: parts.minute,
          second: parts.second,
        });
      }
    }
  });

  // Wall times skipped or repeated by a change, and one where the server's own zone changes too
  // (Havana and New York both sprang forward on 2000-04-02).
  const CASES: [string, WallTime, string][] = [
    ["America/New_York", wall(2026, 3, 8, 2, 30), "2026-03-08T07:30:00.000Z"], // skipped: 03:30
    ["America/New_York", wall(2026, 11, 1, 1, 30), "2026-11-01T05:30:00.000Z"], // repeated: EDT
    ["Europe/Berlin", wall(2026, 10, 25, 2, 30), "2026-10-25T01:30:00.000Z"], // repeated: CET
    ["America/Santiago", wall(2000, 3, 11, 23, 30), "2000-03-12T02:30:00.000Z"], // repeated: −03
    ["America/Havana", wall(2000, 4, 2, 2, 0), "2000-04-02T06:00:00.000Z"],
    ["America/Havana", wall(2026, 3, 8, 0, 0), "2026-03-08T05:00:00.000Z"], // skipped midnight
    ["Australia/Lord_Howe", wall(2026, 10, 4, 2, 15), "2026-10-03T15:45:00.000Z"], // 30-min jump
    ["Asia/Kathmandu", wall(2026, 1, 1, 0, 0), "2025-12-31T18:15:00.000Z"],
    // −0:44:30 until 1972, an offset @date-fns/tz 1.5 reads with the wrong sign.
    ["Africa/Monrovia", wall(1971, 6, 1, 12, 0), "1971-06-01T12:44:30.000Z"],
  ];

  it("places wall times the same whatever the server's own zone", () => {
    const serverZone = process.env.TZ;
    try {
      for (const server of ["UTC", "America/New_York", "Europe/Berlin", "Asia/Kathmandu"]) {
        process.env.TZ = server;
        for (const [zone, w, expected] of CASES) {
          expect(new Date(fromWallTime(w, zone)).toISOString(), `${server} ${zone}`).toBe(expected);
        }
      }
    } finally {
      if (serverZone === undefined) delete process.env.TZ;
      else process.env.TZ = serverZone;
    }
  });

  it("starts a local date at its midnight, or where the clocks jumped over it", () => {
    expect(startOfDate({ year: 2026, month: 3, day: 8 }, "America/New_York")).toBe(
      Date.parse("2026-03-08T05:00:00Z"),
    );
    expect(startOfDate({ year: 2026, month: 3, day: 8 }, "America/Havana")).toBe(
      Date.parse("2026-03-08T05:00:00Z"), // 01:00 CDT: Havana skips from 00:00 to 01:00
    );
    expect(dateOf(Date.parse("2026-11-24T03:00:00Z"), "America/St_Johns")).toEqual({
      year: 2026,
      month: 11,
      day: 23,
    });
  });
});

function wall(year: number, month: number, day: number, hour: number, minute: number): WallTime {
  return { year, month, day, hour, minute, second: 0, millisecond: 0 };
}
