// The period compared with, drawn as a dashed line over the stacked bars (its total per bucket),
// in the plot's box as Recharts lays it out beside Tremor's bars.

/** The plot's box inside the chart (h-60): Tremor's top margin and Recharts' x-axis height. */
const PLOT = { top: 5, bottom: 30, left: 56, right: 8 } as const;

export function ComparedPolyline({
  points,
  top,
}: {
  points: { occurrences: number }[];
  top: number;
}) {
  const n = points.length;
  if (n === 0 || top <= 0) return null;
  const y = (v: number) => 100 - (100 * Math.min(v, top)) / top;
  const path = points.map((p, i) => `${i + 0.5},${y(p.occurrences)}`).join(" ");
  return (
    <svg
      aria-hidden="true"
      data-testid="compared-line"
      className="pointer-events-none absolute text-gray-900 dark:text-gray-100"
      // An <svg> is a replaced element: insets alone do not size it.
      style={{
        top: PLOT.top,
        left: PLOT.left,
        width: `calc(100% - ${PLOT.left + PLOT.right}px)`,
        height: `calc(100% - ${PLOT.top + PLOT.bottom}px)`,
      }}
      viewBox={`0 0 ${n} 100`}
      preserveAspectRatio="none"
    >
      <polyline
        points={path}
        fill="none"
        stroke="currentColor"
        strokeWidth={2}
        strokeDasharray="5 4"
        vectorEffect="non-scaling-stroke"
      />
      {n === 1 && (
        <line
          x1={0.1}
          x2={0.9}
          y1={y(points[0].occurrences)}
          y2={y(points[0].occurrences)}
          stroke="currentColor"
          strokeWidth={2}
          strokeDasharray="5 4"
          vectorEffect="non-scaling-stroke"
        />
      )}
    </svg>
  );
}

/** The line's key: what it is and its dates. */
export function ComparedLegend({ title, dates }: { title: string; dates: string }) {
  return (
    <p
      className="mt-1 flex items-center gap-2 text-xs text-gray-600 dark:text-gray-300"
      data-testid="compared-legend"
    >
      <svg
        aria-hidden="true"
        width="24"
        height="6"
        className="shrink-0 text-gray-900 dark:text-gray-100"
      >
        <line
          x1="0"
          x2="24"
          y1="3"
          y2="3"
          stroke="currentColor"
          strokeWidth="2"
          strokeDasharray="5 4"
        />
      </svg>
      <span>
        {title} ({dates}), all types
      </span>
    </p>
  );
}
