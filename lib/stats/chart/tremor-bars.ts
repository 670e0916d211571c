// The chart's series as Tremor's stacked BarChart takes them. The bucket under way is drawn
// lighter by moving its values to a second category per series ("signup (so far)") coloured with
// a tint: Tremor colours a category, not a single bar. Both sets stack in the same order, and each
// row has every category (zeros), so each bar's stack is the series' own.
import type { Series } from "../get-series";
import { chartColorName } from "./chart-color-names";
import { periodLabel, soFar } from "./period-label";

export type ChartSeries = Pick<Series, "unit" | "types" | "colors" | "rows" | "partialBucket">;

/** The x-axis label's key and the row's place in `rows` (spaces: no action type has one). */
export const PERIOD_NAME = "period name";
export const PERIOD_INDEX = "period index";

export const soFarCategory = (series: string) => `${series} (so far)`;

export function tremorBars(series: ChartSeries, drawn: readonly string[]) {
  const { rows, unit, colors, partialBucket } = series;
  const partial = rows.findIndex((row) => row.bucket === partialBucket);
  const lighter = partial < 0 ? [] : drawn.map(soFarCategory);
  const categories = [...drawn, ...lighter];
  const colorNames = [
    ...drawn.map((s) => chartColorName(colors[s])),
    ...(partial < 0 ? [] : drawn.map((s) => chartColorName(colors[s], true))),
  ];
  const data = rows.map((row, i) => {
    const label = periodLabel(row.bucket, unit, "short");
    const bars: Record<string, string | number> = {
      [PERIOD_NAME]: i === partial ? soFar(label) : label,
      [PERIOD_INDEX]: i,
    };
    for (const s of drawn) {
      bars[s] = i === partial ? 0 : Number(row[s]);
      if (partial >= 0) bars[soFarCategory(s)] = i === partial ? Number(row[s]) : 0;
    }
    return bars;
  });
  return { data, categories, colors: colorNames };
}
