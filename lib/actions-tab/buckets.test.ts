import { describe, expect, it } from "vitest";
import { createRandom } from "../seed/random";
import { bucketCount, bucketLabels, fittingUnit, MAX_BUCKETS } from "./buckets";
import { UNITS } from "./timeframe";

describe("chart buckets", () => {
  it("counts buckets as listing them would, in any zone and span", () => {
    const random = createRandom(11);
    for (const zone of ["America/New_York", "Europe/Berlin", "Asia/Kathmandu", "Pacific/Apia"]) {
      for (let i = 0; i < 150; i++) {
        const first = Date.UTC(1990, 0, 1) + Math.floor(random.next() * 35 * 365 * 86_400_000);
        const last = first + Math.floor(random.next() * 3 * 365 * 86_400_000);
        for (const unit of UNITS) {
          expect(bucketCount(first, last, unit, zone), `${zone} ${unit} ${first} ${last}`).toBe(
            bucketLabels(first, last, unit, zone).length,
          );
        }
      }
    }
  });

  it("chooses a coarser timescale for an 8,000-year span without listing its days", () => {
    const first = Date.UTC(1970, 0, 1);
    const last = Date.UTC(9999, 11, 31);
    expect(fittingUnit(first, last, "day", "UTC")).toBe("year");
    expect(bucketCount(first, last, "day", "UTC")).toBe((last - first) / 86_400_000 + 1);
    expect(bucketCount(first, last, "year", "UTC")).toBeGreaterThan(MAX_BUCKETS);
  });
});
