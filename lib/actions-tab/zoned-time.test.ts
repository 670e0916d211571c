import { describe, expect, it } from "vitest";
import { createRandom } from "../seed/random";
import { toWallTime, toWallTimeCached } from "./zoned-time";

// Zones with DST, half-hour and 45-minute offsets, a 30-minute DST shift, and a date line jump.
const ZONES = [
  "America/New_York",
  "Europe/Berlin",
  "Asia/Kathmandu",
  "America/St_Johns",
  "Australia/Lord_Howe",
  "Pacific/Chatham",
  "Pacific/Apia",
  "UTC",
];

describe("cached wall time", () => {
  it("equals Intl's answer for random instants, including around every transition", () => {
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
