// Tremor's colour names reach the page only if tailwind.config.ts generates their classes: build
// the CSS from the real config with no content at all, so only its safelist can produce them.
import postcss from "postcss";
import tailwindcss from "tailwindcss";
import { describe, expect, it } from "vitest";
import config from "../../../tailwind.config";
import { chartColorName, soFarTint } from "./chart-color-names";
import { OTHER_TYPES_COLOR, SERIES_PALETTE } from "./series-colors";

describe("the chart's colours as Tailwind classes", () => {
  it("generates fill, stroke, background and text classes for every series colour and tint", async () => {
    const { css } = await postcss([tailwindcss({ ...config, content: [{ raw: "" }] })]).process(
      "@tailwind utilities;",
      { from: undefined },
    );
    const rule = (cls: string) => new RegExp(`\\.${cls} \\{[^}]*\\}`).exec(css)?.[0] ?? "";
    for (const hex of [...SERIES_PALETTE, OTHER_TYPES_COLOR]) {
      const name = chartColorName(hex);
      expect(rule(`fill-${name}`)).toContain(`fill: ${hex}`);
      expect(rule(`stroke-${name}`)).toContain(`stroke: ${hex}`);
      expect(rule(`fill-${name}-so-far`)).toContain(`fill: ${soFarTint(hex)}`);
      expect(rule(`bg-${name}`)).toContain("background-color");
      expect(rule(`text-${name}-so-far`)).toContain("color");
    }
  });

  it("tints towards white as the PDF's 45 % opacity does over white paper", () => {
    expect(soFarTint("#000000")).toBe("#8C8C8C");
    expect(soFarTint("#FFFFFF")).toBe("#FFFFFF");
    // 0x33 → 255 − 204 × 0.45 = 163.2; 0x22 → 155.55; 0x88 → 201.45
    expect(soFarTint("#332288")).toBe("#A39CC9");
  });
});
