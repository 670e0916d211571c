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
  return (
    <BarChart
      className="h-72"
      data={rows}
      index="bucket"
      categories={types}
      colors={COLORS.slice(0, Math.max(1, types.length))}
      stack
      valueFormatter={(n: number) => n.toLocaleString("en-US")}
      yAxisWidth={56}
      showAnimation={false}
    />
  );
}
