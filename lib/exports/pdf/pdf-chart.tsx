import { Circle, G, Line, Polyline, Rect, Svg, Text, View } from "@react-pdf/renderer";
import type { Series } from "../../stats/get-series";
import { periodLabel, soFar } from "../../stats/chart/period-label";
import { chartScale, labelEvery, stackSegments } from "../../stats/chart/stack";
import { formatTick } from "../../stats/chart/nice-ticks";

const WIDTH = 760;
const HEIGHT = 200;
const LEFT = 44;
const BOTTOM = 18;
const TOP = 10;

/**
 * The stacked bar chart drawn with SVG primitives: the screen's colours, round y-axis ticks,
 * period names under the bars, the bucket under way lighter and marked "so far". Hidden series
 * are not drawn; the legend says which.
 */
export function PdfChart({
  series,
  marks = [],
}: {
  series: Series;
  /** Numbered markers of the notes on the time axis, above their bars. */
  marks?: { i: number; label: string }[];
}) {
  const drawn = series.types.filter((t) => !series.hidden.includes(t));
  const line = series.compared;
  const { ticks, top } = chartScale(
    series.rows,
    drawn,
    line?.points.map((p) => p.occurrences),
  );
  const plotW = WIDTH - LEFT;
  const plotBottom = HEIGHT - BOTTOM;
  const y = (value: number) => plotBottom - (value / top) * (plotBottom - TOP);
  const slot = plotW / Math.max(1, series.rows.length);
  const bar = Math.max(0.5, slot * 0.8);
  const every = labelEvery(series.rows.length, 8);
  return (
    <View>
      <Svg width={WIDTH} height={HEIGHT}>
        {ticks.map((t) => (
          <G key={t}>
            <Line
              x1={LEFT}
              y1={y(t)}
              x2={WIDTH}
              y2={y(t)}
              stroke={t === 0 ? "#9ca3af" : "#e5e7eb"}
              strokeWidth={0.5}
            />
            <Text x={LEFT - 4} y={y(t) + 2} textAnchor="end" style={{ fontSize: 7 }}>
              {formatTick(t, top)}
            </Text>
          </G>
        ))}
        {series.rows.map((row, i) => {
          const partial = row.bucket === series.partialBucket;
          const segments = stackSegments(row, drawn);
          const x = LEFT + i * slot + (slot - bar) / 2;
          return (
            <G key={row.bucket}>
              {segments.map((s) => (
                <Rect
                  key={s.series}
                  x={x}
                  y={y(s.to)}
                  width={bar}
                  height={y(s.from) - y(s.to)}
                  fill={series.colors[s.series]}
                  fillOpacity={partial ? 0.45 : 1}
                />
              ))}
              {partial && (
                <Text
                  x={x + bar / 2}
                  y={y(segments.at(-1)?.to ?? 0) - 2}
                  textAnchor="middle"
                  style={{ fontSize: 6 }}
                >
                  so far
                </Text>
              )}
              {i % every === 0 && (
                <Text
                  x={LEFT + (i + 0.5) * slot}
                  y={HEIGHT - 4}
                  textAnchor={i === 0 && slot < 40 ? "start" : "middle"}
                  style={{ fontSize: 6 }}
                >
                  {periodLabel(row.bucket, series.unit, "short")}
                </Text>
              )}
            </G>
          );
        })}
        {marks.map(({ i, label }) => (
          <G key={`note-${i}`}>
            <Circle cx={LEFT + (i + 0.5) * slot} cy={TOP - 4} r={4} fill="#f59e0b" />
            <Text
              x={LEFT + (i + 0.5) * slot}
              y={TOP - 2}
              textAnchor="middle"
              fill="#ffffff"
              style={{ fontSize: 5 }}
            >
              {label}
            </Text>
          </G>
        ))}
        {line && line.points.length > 0 && (
          <Polyline
            points={line.points
              .map((p, i) => `${LEFT + (i + 0.5) * slot},${y(p.occurrences)}`)
              .join(" ")}
            stroke="#111827"
            strokeWidth={1}
            strokeDasharray="3 2"
            fill="none"
          />
        )}
      </Svg>
      <View style={{ flexDirection: "row", flexWrap: "wrap", marginTop: 4 }}>
        {drawn.map((type) => (
          <View key={type} style={{ flexDirection: "row", alignItems: "center", marginRight: 10 }}>
            <View
              style={{ width: 7, height: 7, backgroundColor: series.colors[type], marginRight: 3 }}
            />
            <Text style={{ fontSize: 7 }}>{type}</Text>
          </View>
        ))}
      </View>
      {line && (
        <Text style={{ fontSize: 7, marginTop: 3, color: "#4b5563" }}>
          {`Dashed line: ${line.title.toLowerCase()} (${line.dates}), all types, each bar beside the compared period's bar.`}
        </Text>
      )}
      {(series.hidden.length > 0 || series.partialBucket !== null) && (
        <Text style={{ fontSize: 7, marginTop: 3, color: "#4b5563" }}>
          {series.hidden.length > 0 &&
            `Hidden in this chart (not drawn; the numbers and tables include them): ${series.hidden.join(", ")}. `}
          {series.partialBucket !== null &&
            `The lighter bar is ${soFar(periodLabel(series.partialBucket, series.unit))}.`}
        </Text>
      )}
    </View>
  );
}
