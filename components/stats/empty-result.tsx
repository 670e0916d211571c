import Link from "next/link";
import {
  filtersInForce,
  serializeTabUrl,
  type ActionsTabFilters,
  type TableState,
} from "@/lib/stats/url/search-params";

/**
 * A view without actions. When filters other than the period are in force, it offers "Reset
 * filters": every filter back to its default, the timeframe and timescale kept (and the table's
 * order). The period is the question asked ("what happened in Q3?"), the filters narrow it down,
 * so an empty answer is nearly always a filter too many; Plausible, Google Analytics and PostHog
 * keep the date range when filters are cleared, and so does this. With no such filter, the
 * timeframe itself is empty and the message says so.
 */
export function EmptyResult({
  path,
  filters,
  table,
  className = "",
}: {
  path: string;
  filters: ActionsTabFilters;
  table?: Pick<TableState, "sort" | "dir">;
  className?: string;
}) {
  const narrowed = filtersInForce(filters).some(
    (f) => f !== "timeframe" && f !== "timescale" && f !== "compare",
  );
  return (
    <div
      className={`flex flex-col items-center gap-2 text-center text-sm text-gray-500 ${className}`}
    >
      <p>
        {narrowed
          ? "No actions match these filters in this timeframe."
          : "No actions in this timeframe."}
      </p>
      {narrowed && (
        <Link
          href={serializeTabUrl(path, {
            timeframe: filters.timeframe,
            timescale: filters.timescale,
            ...table,
          })}
          className="rounded-md border border-gray-300 px-3 py-1.5 font-medium text-blue-600 hover:bg-gray-50 dark:border-gray-700 dark:hover:bg-gray-800"
        >
          Reset filters
        </Link>
      )}
    </div>
  );
}
