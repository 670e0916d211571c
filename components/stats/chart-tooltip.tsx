"use client";

/** One bucket's numbers: the drawn series above zero, largest first, and their total. */
export function ChartTooltip({
  label,
  row,
  drawn,
  colors,
  hiddenCount,
  compared = null,
}: {
  label: string;
  row: Record<string, number | string>;
  drawn: readonly string[];
  colors: Record<string, string>;
  hiddenCount: number;
  /** The compared period's bucket beside this one: its title, label and total. */
  compared?: { title: string; label: string; value: number } | null;
}) {
  const lines = drawn
    .map((type, order) => ({ type, order, value: Number(row[type]) }))
    .filter((l) => l.value > 0)
    .sort((a, b) => b.value - a.value || a.order - b.order);
  const total = lines.reduce((sum, l) => sum + l.value, 0);
  return (
    <div
      data-testid="chart-tooltip"
      className="pointer-events-none w-max max-w-[16rem] rounded-md border border-gray-200 bg-white p-2 text-xs shadow-md dark:border-gray-700 dark:bg-gray-900"
    >
      <p className="font-medium text-gray-900 dark:text-gray-100">{label}</p>
      <ul className="mt-1 space-y-0.5">
        {lines.map((l) => (
          <li key={l.type} className="flex items-center gap-1.5">
            <span
              aria-hidden="true"
              className="inline-block h-2 w-2 shrink-0 rounded-full"
              style={{ backgroundColor: colors[l.type] }}
            />
            <span className="min-w-0 flex-1 truncate text-gray-600 dark:text-gray-300">
              {l.type}
            </span>
            <span className="tabular-nums">{l.value.toLocaleString("en-US")}</span>
          </li>
        ))}
      </ul>
      <p className="mt-1 flex justify-between gap-3 border-t border-gray-100 pt-1 font-medium dark:border-gray-800">
        <span>{hiddenCount > 0 ? `Total of shown series (${hiddenCount} hidden)` : "Total"}</span>
        <span className="tabular-nums">{total.toLocaleString("en-US")}</span>
      </p>
      {compared && (
        <p
          className="mt-1 flex justify-between gap-3 text-gray-600 dark:text-gray-300"
          data-testid="chart-tooltip-compared"
        >
          <span>
            {compared.title} ({compared.label})
          </span>
          <span className="tabular-nums">{compared.value.toLocaleString("en-US")}</span>
        </p>
      )}
    </div>
  );
}
