import { describe, expect, it } from "vitest";
import { loadPdfFonts } from "./fonts";
import { TextMeasure } from "./table-geometry";

describe("PDF table text measure", async () => {
  const { regular, bold } = await loadPdfFonts();
  const measure = new TextMeasure(regular, 8);

  it("measures with DejaVu's advance widths", () => {
    // DejaVu Sans digits are 1303 units of 2048 wide: every number of n digits has the same width.
    expect(measure.width("0123456789")).toBeCloseTo((10 * 1303 * 8) / 2048, 3);
    expect(measure.width("WWW")).toBeGreaterThan(measure.width("iii") * 2);
  });

  it("cuts a cell to its width with an ellipsis, and leaves a short one alone", () => {
    expect(measure.fit("signup_completed", 200)).toEqual({
      text: "signup_completed",
      width: measure.width("signup_completed"),
    });
    const name = "Ana Lucía Fernández de la Torre y Østergaard";
    const cut = measure.fit(name, 60);
    expect(cut.text.endsWith("…")).toBe(true);
    expect(name.startsWith(cut.text.slice(0, -1))).toBe(true);
    expect(cut.width).toBeLessThanOrEqual(60);
    // As much as fits: one more character would not.
    const next = name.slice(0, cut.text.length);
    expect(measure.width(`${next}…`)).toBeGreaterThan(60);
    expect(measure.fit("two\nlines", 200).text).toBe("two lines");
  });

  it("wraps a header by words and breaks a word wider than the column after its slash", () => {
    const header = new TextMeasure(bold, 8);
    const lines = header.wrap("Occurred (America/New_York)", 60);
    expect(lines).toEqual(["Occurred", "(America/", "New_York)"]);
    for (const line of lines) expect(header.width(line)).toBeLessThanOrEqual(60);
    expect(header.wrap("Sum of rewards (USD)", 200)).toEqual(["Sum of rewards (USD)"]);
  });
});
