import { describe, expect, it } from "vitest";
import { csvLines, neutralizeCell } from "./csv";
import { decimalMoney, exportFilename } from "./format-export";

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

  it("names files after program, tile and local date", () => {
    expect(
      exportFilename(
        "acme",
        "table",
        Date.parse("2026-11-24T03:00:00Z"),
        "America/New_York",
        "csv",
      ),
    ).toBe("acme_table_2026-11-23.csv");
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
