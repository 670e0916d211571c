"use client";

/**
 * The chart's legend: one toggle button per series (aria-pressed = drawn). Ours, with Tremor's
 * turned off: its list markup failed accessibility checks and it cannot hide a series.
 */
export function ChartLegend({
  types,
  colors,
  hidden,
  onToggle,
}: {
  types: string[];
  colors: Record<string, string>;
  hidden: ReadonlySet<string>;
  onToggle: (series: string) => void;
}) {
  return (
    <div
      role="group"
      aria-label="Series drawn (press to hide or show one)"
      className="mb-2 flex flex-wrap justify-end gap-x-1 gap-y-1 text-xs"
    >
      {types.map((type) => {
        const shown = !hidden.has(type);
        return (
          <button
            key={type}
            type="button"
            aria-pressed={shown}
            title={shown ? `Hide ${type} in the chart` : `Show ${type} in the chart`}
            onClick={() => onToggle(type)}
            className={`flex min-w-0 items-center gap-1.5 rounded px-1.5 py-0.5 [@media(hover:hover)]:hover:bg-gray-100 focus-visible:outline focus-visible:outline-2 focus-visible:outline-blue-600 dark:[@media(hover:hover)]:hover:bg-gray-800 ${
              shown ? "text-gray-700 dark:text-gray-200" : "text-gray-400 line-through"
            }`}
          >
            <span
              aria-hidden="true"
              data-legend-swatch={type}
              className="inline-block h-2.5 w-2.5 shrink-0 rounded-full border-2"
              style={{ borderColor: colors[type], backgroundColor: shown ? colors[type] : "" }}
            />
            <span className="break-all">{type}</span>
          </button>
        );
      })}
    </div>
  );
}
