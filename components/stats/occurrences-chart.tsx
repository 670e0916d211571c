"use client";

import { BarChart } from "@tremor/react";

const COLORS = [
  "blue",
  "emerald",
  "amber",
  "violet",
  "rose",
  "cyan",
  "lime",
  "fuchsia",
  "orange",
  "teal",
];

export function OccurrencesChart({
  rows,
  types,
}: {
  rows: Record<string, string | number>[];
  types: string[];
}) {
  const colors = types.map((_, i) => COLORS[i % COLORS.length]);
  return (
    <>
      {/* Our own legend: Tremor's renders list markup that fails accessibility checks. */}
      <ul
        aria-label="Action types"
        className="mb-2 flex flex-wrap justify-end gap-x-4 gap-y-1 text-xs text-gray-600 dark:text-gray-300"
      >
        {types.map((type, i) => (
          <li key={type} className="flex items-center gap-1.5">
            <span
              aria-hidden="true"
              className={`inline-block h-2.5 w-2.5 rounded-full bg-${colors[i]}-500`}
            />
            {type}
          </li>
        ))}
      </ul>
      <BarChart
        className="h-72"
        data={rows}
        index="bucket"
        categories={types}
        colors={colors}
        showLegend={false}
        stack
        valueFormatter={(n: number) => n.toLocaleString("en-US")}
        yAxisWidth={56}
        showAnimation={false}
      />
    </>
  );
}
