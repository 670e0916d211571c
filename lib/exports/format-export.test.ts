import { describe, expect, it } from "vitest";
import { csvLines, neutralizeCell } from "./csv";
import { decimalMoney, exportFilename } from "./format-export";
import { fileLabel, safeFilePart } from "./file-label";
import { parseTimeframe } from "../stats/timeframe/timeframe";

describe("export formatting", () => {
  it("writes money as decimal units", () => {
    expect([0, 5, 1250, 100001, -250].map(decimalMoney)).toEqual([
      "0.00",
      "0.05",
      "12.50",
      "1000.01",
      "-2.50",
    ]);
  });

  it("names files after program, contents, view or timeframe and local date", () => {
    const at = Date.parse("2026-11-24T03:00:00Z"); // still the 23rd in New York
    const name = (what: string, label?: string) =>
      exportFilename("acme", what, at, "America/New_York", "csv", label);
    expect(name("table")).toBe("acme_table_2026-11-23.csv");
    expect(name("actions", "past-30-days")).toBe("acme_actions_past-30-days_2026-11-23.csv");
  });

  it("labels a file by its saved view, else its timeframe, in safe characters only", () => {
    const tf = (token: string) => parseTimeframe(token)!;
    expect(fileLabel(tf("past_30_days"))).toBe("past-30-days");
    expect(fileLabel(tf("past_3_complete_months"))).toBe("past-3-complete-months");
    expect(fileLabel(tf("today"))).toBe("today");
    expect(fileLabel(tf("on_2026-09-01"))).toBe("on-2026-09-01");
    // A range by the days it includes: the URL's end is the day after.
    expect(fileLabel(tf("range_2026-09-01_2026-12-01"))).toBe("2026-09-01-to-2026-11-30");
    expect(fileLabel(tf("past_30_days"), "Q3 EMEA / Affiliates")).toBe("q3-emea-affiliates");
    expect(fileLabel(tf("past_30_days"), "Übersicht: Café & Co.")).toBe("ubersicht-cafe-co");
    expect(fileLabel(tf("past_30_days"), '../../"evil"\r\n.pdf')).toBe("evil-pdf");
    // Nothing safe left of the name: the timeframe says what the file covers.
    expect(fileLabel(tf("this_month"), "売上")).toBe("this-month");
    expect(fileLabel(tf("this_month"), "x".repeat(200))).toHaveLength(60);
    for (const label of ["Q3 — “best” partners", "a/b\\c:d*e?f<g>h|i", " -x- "])
      expect(safeFilePart(label)).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
  });

  it("neutralises cells a spreadsheet would run, but not numbers", () => {
    expect(
      ['=HYPERLINK("http://x")', "+1", "-2", "@SUM(A1)", "\tx", "\rx", "plain", -5, 3].map(
        neutralizeCell,
      ),
    ).toEqual([
      '\'=HYPERLINK("http://x")',
      "'+1",
      "'-2",
      "'@SUM(A1)",
      "'\tx",
      "'\rx",
      "plain",
      -5,
      3,
    ]);
    expect(csvLines([["a,b", 'say "hi"', "=1+1"]])).toBe('"a,b","say ""hi""",\'=1+1\n');
  });
});
