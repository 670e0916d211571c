import { percentChange } from "@/lib/stats/percent-change";

/**
 * A row's change against the period compared with: the signed difference, and the percentage
 * when the compared number was not 0 ("+12 ▲ 30.0%", "−3 ▼ 10.0%", "+5 new", "±0").
 */
export function ChangeCell({
  current,
  previous,
  format,
}: {
  current: number;
  previous: number;
  format: (n: number) => string;
}) {
  const diff = current - previous;
  const pct = percentChange(current, previous);
  const sign = diff > 0 ? "+" : diff < 0 ? "−" : "±";
  const tone =
    diff > 0
      ? "text-green-700 dark:text-green-400"
      : diff < 0
        ? "text-red-700 dark:text-red-400"
        : "";
  return (
    <span className={`whitespace-nowrap ${tone}`}>
      {sign}
      {format(Math.abs(diff))}
      <span className="ml-1 text-xs text-gray-500">
        {diff === 0
          ? ""
          : pct === null
            ? "new"
            : `${pct > 0 ? "▲" : "▼"} ${Math.abs(pct).toFixed(1)}%`}
      </span>
    </span>
  );
}
