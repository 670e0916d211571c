// Tremor takes a chart's colours as Tailwind colour names, not hex values: each colour of
// series-colors.ts becomes a name here, with a lighter tint for the bucket under way, and
// tailwind.config.ts registers and safelists exactly these (class names built at run time are
// invisible to Tailwind's content scan).
import { OTHER_TYPES_COLOR, SERIES_PALETTE } from "./series-colors";

/** How much of its colour the bucket under way keeps over white (the PDF draws it at 45 %). */
const SO_FAR_STRENGTH = 0.45;

/** A colour mixed with white: what the PDF's 0.45 opacity looks like, as one opaque colour. */
export function soFarTint(hex: string): string {
  const mixed = [1, 3, 5].map((i) => {
    const channel = parseInt(hex.slice(i, i + 2), 16);
    return Math.round(255 - (255 - channel) * SO_FAR_STRENGTH);
  });
  return `#${mixed.map((c) => c.toString(16).padStart(2, "0")).join("")}`.toUpperCase();
}

/** A series colour's Tailwind name, as Tremor's `colors` takes it: "chart-332288(-so-far)". */
export const chartColorName = (hex: string, soFar = false) =>
  `chart-${hex.slice(1).toLowerCase()}${soFar ? "-so-far" : ""}`;

/** tailwind.config.ts's `colors.chart`: every colour a series can have, and its tint. */
export const CHART_TAILWIND_COLORS = Object.fromEntries(
  [...SERIES_PALETTE, OTHER_TYPES_COLOR].map((hex) => [
    hex.slice(1).toLowerCase(),
    { DEFAULT: hex, "so-far": soFarTint(hex) },
  ]),
);
