import { describe, expect, it } from "vitest";
import {
  OTHER_TYPES,
  OTHER_TYPES_COLOR,
  SERIES_PALETTE,
  seriesColors,
  typeColors,
} from "./series-colors";

const program = [
  { id: 31, label: "signup_completed" },
  { id: 7, label: "demo_booked" },
  { id: 12, label: "upgrade" },
];

describe("series colours", () => {
  it("follow a type's creation order in its program, not its place in a view", () => {
    const colors = typeColors(program);
    expect(colors.get("demo_booked")).toBe(SERIES_PALETTE[0]);
    expect(colors.get("upgrade")).toBe(SERIES_PALETTE[1]);
    expect(colors.get("signup_completed")).toBe(SERIES_PALETTE[2]);
    // A view drawing fewer or other types, in another order, keeps each type's colour.
    expect(seriesColors(["upgrade"], colors)).toEqual({ upgrade: SERIES_PALETTE[1] });
    expect(seriesColors(["signup_completed", "demo_booked", OTHER_TYPES], colors)).toEqual({
      signup_completed: SERIES_PALETTE[2],
      demo_booked: SERIES_PALETTE[0],
      [OTHER_TYPES]: OTHER_TYPES_COLOR,
    });
  });

  it("gives nine types nine different hues, and none of them the grey of “Other types”", () => {
    const nine = Array.from({ length: 9 }, (_, i) => ({ id: 100 - i, label: `t${i}` }));
    const colors = new Set(typeColors(nine).values());
    expect(colors.size).toBe(9);
    expect(colors.has(OTHER_TYPES_COLOR)).toBe(false);
  });

  it("keeps every two colours clearly apart: CIE76 ΔE above 20 (10 is a plain difference)", () => {
    const all = [...SERIES_PALETTE, OTHER_TYPES_COLOR].map(lab);
    for (let a = 0; a < all.length; a++)
      for (let b = a + 1; b < all.length; b++)
        expect(Math.hypot(...all[a].map((v, i) => v - all[b][i]))).toBeGreaterThan(20);
  });
});

/** sRGB hex → CIE L*a*b* (D65), for a colour difference people perceive. */
function lab(hex: string): number[] {
  const [r, g, b] = [1, 3, 5]
    .map((i) => parseInt(hex.slice(i, i + 2), 16) / 255)
    .map((v) => (v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4));
  const x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047;
  const y = 0.2126 * r + 0.7152 * g + 0.0722 * b;
  const z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883;
  const f = (t: number) => (t > 216 / 24389 ? Math.cbrt(t) : ((24389 / 27) * t + 16) / 116);
  return [116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))];
}
