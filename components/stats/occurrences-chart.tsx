"use client";

import { useQueryStates } from "nuqs";
import { useId, useState, type KeyboardEvent } from "react";
import { hiddenToken, seriesOfToken } from "@/lib/stats/chart/series-colors";
import { periodLabel, soFar } from "@/lib/stats/chart/period-label";
import { chartScale, labelEvery, stackSegments } from "@/lib/stats/chart/stack";
import { formatTick } from "@/lib/stats/chart/nice-ticks";
import { chartParsers } from "@/lib/stats/url/search-params";
import type { Series } from "@/lib/stats/get-series";
import { ChartLegend } from "./chart-legend";
import { ChartTooltip } from "./chart-tooltip";

const HEIGHT = 240;
/** Room above the tallest bar for its "so far" mark. */
const TOP_PAD = 14;
const PLOT = HEIGHT - TOP_PAD;

export type ChartSeries = Pick<Series, "unit" | "types" | "colors" | "rows" | "partialBucket">;

/**
 * The stacked bar chart, drawn as SVG: bars are placed in % of the width (no measuring, the same
 * on the server and in the browser) and in pixels of height. The legend hides and shows series
 * through the URL's `hidden` (the server renders the page again, so downloads and saved views
 * follow); the y-axis fits the series drawn, so a noisy type set aside lets the others be read.
 */
export function OccurrencesChart({ series }: { series: ChartSeries }) {
  const { unit, types, colors, rows, partialBucket } = series;
  const [{ hidden: tokens }, setChart] = useQueryStates(chartParsers, {
    shallow: false,
    history: "replace",
    scroll: false,
  });
  const hidden = new Set(tokens.map(seriesOfToken));
  const drawn = types.filter((t) => !hidden.has(t));
  const { ticks, top } = chartScale(rows, drawn);
  const [active, setActive] = useState<number | null>(null);
  const hatch = `partial-${useId().replace(/[^A-Za-z0-9_-]/g, "")}`;

  const n = rows.length;
  const slot = 100 / n;
  const y = (value: number) => TOP_PAD + PLOT - (value / top) * PLOT;
  const wide = labelEvery(n, 8);
  const narrow = labelEvery(n, 4);
  const label = (i: number) => {
    const text = periodLabel(rows[i].bucket, unit);
    return rows[i].bucket === partialBucket ? soFar(text) : text;
  };

  function toggle(type: string) {
    const next = hidden.has(type)
      ? tokens.filter((t) => seriesOfToken(t) !== type)
      : [...tokens, hiddenToken(type)];
    // Series order, so one set of hidden series has one URL; names outside this view stay.
    const order = (t: string) => types.indexOf(seriesOfToken(t)) >>> 0;
    void setChart({ hidden: next.sort((a, b) => order(a) - order(b)) });
  }

  function onKeyDown(event: KeyboardEvent) {
    const moves: Record<string, number> = {
      ArrowLeft: (active ?? n) - 1,
      ArrowRight: (active ?? -1) + 1,
      Home: 0,
      End: n - 1,
    };
    if (!(event.key in moves)) return;
    event.preventDefault();
    setActive(Math.min(n - 1, Math.max(0, moves[event.key])));
  }

  return (
    <div>
      <ChartLegend types={types} colors={colors} hidden={hidden} onToggle={toggle} />
      <div className="flex">
        <div
          aria-hidden="true"
          className="relative w-10 shrink-0 sm:w-12"
          style={{ height: HEIGHT }}
        >
          {ticks.map((t) => (
            <span
              key={t}
              className="absolute right-2 -translate-y-1/2 text-xs tabular-nums text-gray-500"
              style={{ top: y(t) }}
            >
              {formatTick(t, top)}
            </span>
          ))}
        </div>
        <div
          role="group"
          aria-label="Bars per period: arrow keys read each period's numbers"
          tabIndex={0}
          onKeyDown={onKeyDown}
          onFocus={() => setActive((a) => a ?? n - 1)}
          onBlur={() => setActive(null)}
          onPointerLeave={() => setActive(null)}
          className="relative min-w-0 flex-1 rounded focus-visible:outline focus-visible:outline-2 focus-visible:outline-blue-600"
        >
          <svg width="100%" height={HEIGHT} aria-hidden="true" className="block overflow-visible">
            <defs>
              <pattern
                id={hatch}
                width="6"
                height="6"
                patternUnits="userSpaceOnUse"
                patternTransform="rotate(45)"
              >
                <line
                  x1="0"
                  y1="0"
                  x2="0"
                  y2="6"
                  stroke="white"
                  strokeWidth="2.5"
                  strokeOpacity="0.8"
                />
              </pattern>
            </defs>
            {ticks.map((t) => (
              <line
                key={t}
                x1="0"
                x2="100%"
                y1={y(t)}
                y2={y(t)}
                className="stroke-gray-200 dark:stroke-gray-800"
              />
            ))}
            {rows.map((row, i) => {
              const partial = row.bucket === partialBucket;
              const x = `${i * slot + slot * 0.1}%`;
              const width = `${slot * 0.8}%`;
              const segments = stackSegments(row, drawn);
              const barTop = y(segments.at(-1)?.to ?? 0);
              return (
                <g
                  key={row.bucket}
                  data-bucket={row.bucket}
                  data-partial={partial || undefined}
                  onPointerEnter={() => setActive(i)}
                >
                  {/* The whole slot answers the pointer, and shows which bucket the box is about. */}
                  <rect
                    x={`${i * slot}%`}
                    width={`${slot}%`}
                    y={0}
                    height={HEIGHT}
                    className={active === i ? "fill-gray-300/25" : "fill-transparent"}
                  />
                  {segments.map((s) => (
                    <rect
                      key={s.series}
                      data-series={s.series}
                      x={x}
                      width={width}
                      y={y(s.to)}
                      height={y(s.from) - y(s.to)}
                      fill={colors[s.series]}
                      fillOpacity={partial ? 0.55 : 1}
                    />
                  ))}
                  {partial && segments.length > 0 && (
                    <rect
                      x={x}
                      width={width}
                      y={barTop}
                      height={TOP_PAD + PLOT - barTop}
                      fill={`url(#${hatch})`}
                    />
                  )}
                  {partial && (
                    <text
                      x={`${(i + 0.5) * slot}%`}
                      y={barTop - 3}
                      textAnchor={i + 0.5 < n / 2 ? "start" : "end"}
                      className="fill-gray-500 text-[10px]"
                    >
                      so far
                    </text>
                  )}
                </g>
              );
            })}
          </svg>
          {drawn.length === 0 && (
            <p className="absolute inset-0 flex items-center justify-center text-sm text-gray-500">
              Every series is hidden: press a legend entry to show it.
            </p>
          )}
          {active !== null && active < n && (
            <ChartTooltip
              label={label(active)}
              row={rows[active]}
              drawn={drawn}
              colors={colors}
              hiddenCount={types.length - drawn.length}
              left={(active + 0.5) * slot}
            />
          )}
          <div aria-hidden="true" className="relative h-5 overflow-hidden text-xs text-gray-500">
            {rows.map((row, i) => {
              const onWide = i % wide === 0;
              const onNarrow = i % narrow === 0;
              if (!onWide && !onNarrow) return null;
              const at = (i + 0.5) * slot;
              const shown = onWide && onNarrow ? "" : onWide ? "max-sm:hidden" : "sm:hidden";
              const anchor = at < 12 ? "" : at > 88 ? "-translate-x-full" : "-translate-x-1/2";
              return (
                <span
                  key={row.bucket}
                  data-axis-label={row.bucket}
                  className={`absolute top-1 whitespace-nowrap ${anchor} ${shown}`}
                  style={{ left: `${at < 12 ? i * slot : at > 88 ? (i + 1) * slot : at}%` }}
                >
                  {periodLabel(row.bucket, unit, "short")}
                </span>
              );
            })}
          </div>
        </div>
      </div>
    </div>
  );
}
