import { describe, expect, it } from "vitest";
import { createRandom } from "../../seed/random";
import { bucketCount, bucketLabels, fittingUnit, MAX_BUCKETS } from "./buckets";
import { UNITS, type Unit } from "./timeframe";

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

describe("chart buckets at the end of the calendar", () => {
  // Labels of year 10000 and later sort before "9999-…" as text: a loop that compared labels as text
  // never ended (`on_9999-12-31`, `range_8600-01-01_9999-12-31` hung and killed the server).
  const cases: [string, string, Unit][] = [
    ["9999-12-31", "10000-01-01", "day"],
    ["9999-12-01", "9999-12-31", "week"],
    ["9999-01-01", "9999-12-31", "month"],
    ["9999-01-01", "9999-12-31", "quarter"],
    ["8600-01-01", "9999-12-31", "year"],
  ];
  it.each(cases)("lists the buckets from %s to %s by %s, in date order", (from, to, unit) => {
    for (const zone of ["UTC", "Pacific/Kiritimati", "Pacific/Pago_Pago"]) {
      const [fy, fm, fd] = from.split("-").map(Number);
      const [ty, tm, td] = to.split("-").map(Number);
      const first = Date.UTC(fy, fm - 1, fd);
      const last = Date.UTC(ty, tm - 1, td) - 1;
      const labels = bucketLabels(first, last, unit, zone);
      expect(labels.length).toBe(bucketCount(first, last, unit, zone));
      const days = labels.map((l) => Date.parse(`${l.length > 10 ? "+0" : ""}${l}T00:00:00Z`));
      for (let i = 1; i < days.length; i++) expect(days[i]).toBeGreaterThan(days[i - 1]);
    }
  });

  it("refuses to list more buckets than a chart can draw", () => {
    expect(() => bucketLabels(Date.UTC(1970, 0, 1), Date.UTC(9999, 11, 31), "day", "UTC")).toThrow(
      RangeError,
    );
  });
});
