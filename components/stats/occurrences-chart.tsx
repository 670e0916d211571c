"use client";

import { BarChart, type CustomTooltipProps } from "@tremor/react";
import { useQueryStates } from "nuqs";
import { createContext, useContext, useRef, useState, type KeyboardEvent } from "react";
import { hiddenToken, OTHER_TYPES, seriesOfToken } from "@/lib/stats/chart/series-colors";
import { periodLabel, soFar } from "@/lib/stats/chart/period-label";
import { chartScale } from "@/lib/stats/chart/stack";
import { formatTick, fourStepTop } from "@/lib/stats/chart/nice-ticks";
import {
  PERIOD_INDEX,
  PERIOD_NAME,
  tremorBars,
  type ChartSeries,
} from "@/lib/stats/chart/tremor-bars";
import { chartParsers } from "@/lib/stats/url/search-params";
import type { Series } from "@/lib/stats/get-series";
import { ChartLegend } from "./chart-legend";
import { ChartTooltip } from "./chart-tooltip";
import { ComparedLegend, ComparedPolyline } from "./compared-line";

/** The plot's geometry as Recharts lays it out: the y-axis' width, then padding either side. */
const Y_AXIS = 48;
const X_PAD = 8;

/** What a tooltip reads of the chart. */
interface Reading {
  label: (i: number) => string;
  rows: ChartSeries["rows"];
  drawn: string[];
  colors: Record<string, string>;
  hiddenCount: number;
  compared: (i: number) => { title: string; label: string; value: number } | null;
}

/** Recharts renders the hover tooltip as a component of its own, without our props. */
const ReadingContext = createContext<Reading | null>(null);

function BucketTooltip({ reading, i }: { reading: Reading; i: number }) {
  const { label, rows, drawn, colors, hiddenCount, compared } = reading;
  return (
    <ChartTooltip
      label={label(i)}
      row={rows[i]}
      drawn={drawn}
      colors={colors}
      hiddenCount={hiddenCount}
      compared={compared(i)}
    />
  );
}

function HoverTooltip({ active, payload }: CustomTooltipProps) {
  const reading = useContext(ReadingContext);
  const bar = payload?.[0]?.payload as Record<string, number> | undefined;
  if (!active || bar === undefined || reading === null) return null;
  return <BucketTooltip reading={reading} i={bar[PERIOD_INDEX]} />;
}

/**
 * The stacked bar chart: Tremor's BarChart (Recharts), with our legend and tooltip. The legend
 * hides and shows series through the URL's `hidden` (the server renders the page again, so
 * downloads and saved views follow); the y-axis fits the series drawn, so a noisy type set aside
 * lets the others be read. Recharts answers the pointer; the keyboard reads one period at a time
 * with our own cursor, as Tremor 3 does not pass Recharts' accessibility layer on.
 */
export function OccurrencesChart({
  series,
  marks = [],
}: {
  series: ChartSeries & { compared?: Series["compared"]; other?: string };
  /** Notes on the time axis: a numbered marker above bucket `i` (the list under the chart reads them). */
  marks?: { i: number; label: string; title: string }[];
}) {
  const { unit, types, colors, rows, partialBucket, compared: line } = series;
  const other = series.other ?? OTHER_TYPES;
  const seriesOf = (token: string) => seriesOfToken(token, other);
  const [{ hidden: tokens }, setChart] = useQueryStates(chartParsers, {
    shallow: false,
    history: "replace",
    scroll: false,
  });
  const hidden = new Set(tokens.map(seriesOf));
  const drawn = types.filter((t) => !hidden.has(t));
  const bars = tremorBars(series, drawn);
  const top = fourStepTop(
    Math.max(
      0,
      ...chartScale(rows, drawn).totals,
      ...(line?.points.map((p) => p.occurrences) ?? []),
    ),
  );
  const [active, setActive] = useState<number | null>(null);
  const n = rows.length;
  const label = (i: number) => {
    const text = periodLabel(rows[i].bucket, unit);
    return rows[i].bucket === partialBucket ? soFar(text) : text;
  };
  const compared = (i: number) =>
    line && line.points[i]
      ? {
          title: line.title,
          label: periodLabel(line.points[i].bucket, unit),
          value: line.points[i].occurrences,
        }
      : null;
  const reading = {
    label,
    rows,
    drawn,
    colors,
    hiddenCount: types.length - drawn.length,
    compared,
  };
  // A click focuses the group too: only focus without a pointer (the keyboard's) starts reading.
  const pointing = useRef(false);

  function toggle(type: string) {
    const next = hidden.has(type)
      ? tokens.filter((t) => seriesOf(t) !== type)
      : [...tokens, hiddenToken(type, other)];
    // Series order, so one set of hidden series has one URL; names outside this view stay.
    const order = (t: string) => types.indexOf(seriesOf(t)) >>> 0;
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

  function onFocus() {
    if (!pointing.current) setActive((a) => a ?? n - 1);
    pointing.current = false;
  }

  // The centre of bucket i, as Recharts places it: after the y-axis and padding, n equal bands.
  const at = (i: number) =>
    `calc(${Y_AXIS + X_PAD}px + (100% - ${Y_AXIS + 2 * X_PAD}px) * ${(i + 0.5) / n})`;

  return (
    <div>
      <ChartLegend types={types} colors={colors} hidden={hidden} onToggle={toggle} />
      {line && <ComparedLegend title={line.title} dates={line.dates} />}
      <div
        role="group"
        aria-label="Bars per period: arrow keys read each period's numbers"
        tabIndex={0}
        onKeyDown={onKeyDown}
        onFocus={onFocus}
        onBlur={() => setActive(null)}
        onPointerDown={() => {
          pointing.current = true;
          setActive(null);
        }}
        className="relative rounded focus-visible:outline focus-visible:outline-2 focus-visible:outline-blue-600"
      >
        <ReadingContext.Provider value={reading}>
          <BarChart
            data={bars.data}
            index={PERIOD_NAME}
            categories={bars.categories}
            colors={bars.colors}
            stack
            showLegend={false}
            showAnimation={false}
            allowDecimals={false}
            maxValue={top}
            valueFormatter={(value) => formatTick(value, top)}
            yAxisWidth={Y_AXIS}
            padding={{ left: X_PAD, right: X_PAD }}
            intervalType="preserveStartEnd"
            customTooltip={HoverTooltip}
            showTooltip={active === null}
            className="h-60"
            // The categories in drawing order: Recharts draws one layer per category, unnamed.
            data-categories={JSON.stringify(bars.categories)}
          />
        </ReadingContext.Provider>
        {line && <ComparedPolyline points={line.points} top={top} />}
        {marks.map(({ i, label, title }) => (
          <span
            key={i}
            aria-hidden="true"
            title={title}
            data-testid="note-marker"
            className="absolute top-0 z-[1] inline-flex h-5 min-w-5 -translate-x-1/2 -translate-y-1/2 items-center justify-center rounded-full bg-amber-500 px-1 text-xs font-semibold text-white shadow"
            style={{ left: at(i) }}
          >
            {label}
          </span>
        ))}
        {drawn.length === 0 && (
          <p className="absolute inset-0 flex items-center justify-center text-sm text-gray-500">
            Every series is hidden: press a legend entry to show it.
          </p>
        )}
        {active !== null && active < n && (
          <>
            <div
              aria-hidden="true"
              className="pointer-events-none absolute bottom-8 top-1 -translate-x-1/2 bg-gray-300/25"
              style={{ left: at(active), width: `calc((100% - ${Y_AXIS + 2 * X_PAD}px) / ${n})` }}
            />
            <div
              className={`absolute top-0 z-10 ${active + 0.5 < n / 2 ? "ml-3" : "-ml-3 -translate-x-full"}`}
              style={{ left: at(active) }}
            >
              <BucketTooltip reading={reading} i={active} />
            </div>
          </>
        )}
      </div>
    </div>
  );
}
