// Timeframe and timescale tokens for the tab-URL fuzzers, dates at the ends of the calendar included:
// years 1–1899 (before any supported date), 9990–99999 (around and past the last one), and
// impossible ones, in every phrasing the Timeframe filter has.
import fc from "fast-check";

const pad = (n: number, width: number) => String(n).padStart(width, "0");
const dateText = (year: number, month: number, day: number) =>
  `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;

const monthDay = fc.tuple(fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 31 }));

/** `YYYY-MM-DD` (or longer years) anywhere from year 1 to 99999, weighted to the calendar's ends. */
export const extremeDate: fc.Arbitrary<string> = fc.oneof(
  fc.tuple(fc.integer({ min: 1, max: 1899 }), monthDay).map(([y, [m, d]]) => dateText(y, m, d)),
  fc.tuple(fc.integer({ min: 9990, max: 99999 }), monthDay).map(([y, [m, d]]) => dateText(y, m, d)),
  fc.tuple(fc.integer({ min: 1970, max: 2100 }), monthDay).map(([y, [m, d]]) => dateText(y, m, d)),
  fc.constantFrom(
    "9999-12-31",
    "9999-12-30",
    "9999-12-01",
    "9999-01-01",
    "10000-01-01",
    "8600-01-01",
    "1970-01-01",
    "1969-12-31",
    "1899-12-31",
    "0001-01-01",
    "0000-01-01",
  ),
);

export const TIMESCALES = ["day", "week", "month", "quarter", "year"] as const;
const unitWord = fc.constantFrom(...TIMESCALES.flatMap((u) => [u, `${u}s`]));

/** A timeframe token in each of the filter's phrasings, with extreme dates and counts. */
export const extremeTimeframe: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom("any_time", "today", "yesterday", "this_year", "last_quarter"),
  fc
    .tuple(
      fc.oneof(fc.integer({ min: 1, max: 12_000 }), fc.constantFrom(30, 360, 1560, 11_000)),
      fc.boolean(),
      unitWord,
    )
    .map(([n, complete, u]) => `past_${n}_${complete ? "complete_" : ""}${u}`),
  fc.tuple(fc.constantFrom("on", "before", "since"), extremeDate).map(([k, d]) => `${k}_${d}`),
  fc.tuple(extremeDate, extremeDate).map(([a, b]) => `range_${a}_${b}`),
  // Ranges ending on the calendar's last days, the shape that once never finished.
  fc
    .tuple(extremeDate, fc.constantFrom("9999-12-31", "9999-12-30", "9999-01-01"))
    .map(([a, b]) => `range_${a}_${b}`),
);

export const timescale = fc.constantFrom(...TIMESCALES);
