import { G, Line, Rect, Svg, Text, View } from "@react-pdf/renderer";
import type { Series } from "../../stats/get-series";

const PDF_COLORS = [
  "#3b82f6",
  "#10b981",
  "#f59e0b",
  "#8b5cf6",
  "#f43f5e",
  "#06b6d4",
  "#84cc16",
  "#d946ef",
  "#f97316",
  "#14b8a6",
];

const WIDTH = 760;
const HEIGHT = 200;
const LEFT = 40;
const BOTTOM = 18;

/** The stacked bar chart drawn with SVG primitives, with a legend and sparse axis labels. */
export function PdfChart({ series }: { series: Series }) {
  const totals = series.rows.map((r) => series.types.reduce((s, t) => s + Number(r[t]), 0));
  const max = Math.max(1, ...totals);
  const plotW = WIDTH - LEFT;
  const plotH = HEIGHT - BOTTOM;
  const slot = plotW / Math.max(1, series.rows.length);
  const bar = Math.max(0.5, slot * 0.8);
  const labelEvery = Math.max(1, Math.ceil(series.rows.length / 8));
  return (
    <View>
      <Svg width={WIDTH} height={HEIGHT}>
        <Line x1={LEFT} y1={plotH} x2={WIDTH} y2={plotH} stroke="#9ca3af" strokeWidth={0.5} />
        <Text x={0} y={8} style={{ fontSize: 7 }}>
          {max.toLocaleString("en-US")}
        </Text>
        <Text x={0} y={plotH} style={{ fontSize: 7 }}>
          0
        </Text>
        {series.rows.map((row, i) => {
          let y = plotH;
          return (
            <G key={row.bucket}>
              {series.types.map((type, t) => {
                const h = (Number(row[type]) / max) * (plotH - 4);
                y -= h;
                return h > 0 ? (
                  <Rect
                    key={type}
                    x={LEFT + i * slot}
                    y={y}
                    width={bar}
                    height={h}
                    fill={PDF_COLORS[t % PDF_COLORS.length]}
                  />
                ) : null;
              })}
              {i % labelEvery === 0 && (
                <Text x={LEFT + i * slot} y={HEIGHT - 4} style={{ fontSize: 6 }}>
                  {row.bucket}
                </Text>
              )}
            </G>
          );
        })}
      </Svg>
      <View style={{ flexDirection: "row", flexWrap: "wrap", marginTop: 4 }}>
        {series.types.map((type, t) => (
          <View key={type} style={{ flexDirection: "row", alignItems: "center", marginRight: 10 }}>
            <View
              style={{
                width: 7,
                height: 7,
                backgroundColor: PDF_COLORS[t % PDF_COLORS.length],
                marginRight: 3,
              }}
            />
            <Text style={{ fontSize: 7 }}>{type}</Text>
          </View>
        ))}
      </View>
    </View>
  );
}
