import Link from "next/link";
import { filtersNarrow, type ActionsTabFilters } from "@/lib/stats/url/search-params";

const MESSAGES = {
  actions: {
    narrowed: "No actions match these filters in this timeframe.",
    all: "No actions in this timeframe.",
  },
  partners: { narrowed: "No partners match these filters.", all: "No partners yet." },
};

/**
 * An empty list (the tab's table, the drill-down, the Partners directory). When filters other
 * than the period are in force, it offers "Reset filters": `resetHref`, the same page with
 * `periodOnly(filters)` (the timeframe and timescale kept, and the page's own order). An empty
 * answer is nearly always a filter too many. With no such filter, the timeframe itself is empty
 * (or, for partners, the program has none) and the message says so.
 */
export function EmptyResult({
  of,
  filters,
  resetHref,
  className = "",
}: {
  of: keyof typeof MESSAGES;
  filters: ActionsTabFilters;
  resetHref: string;
  className?: string;
}) {
  const narrowed = filtersNarrow(filters);
  return (
    <div
      className={`flex flex-col items-center gap-2 text-center text-sm text-gray-500 ${className}`}
    >
      <p>{narrowed ? MESSAGES[of].narrowed : MESSAGES[of].all}</p>
      {narrowed && (
        <Link
          href={resetHref}
          className="rounded-md border border-gray-300 px-3 py-1.5 font-medium text-blue-600 hover:bg-gray-50 dark:border-gray-700 dark:hover:bg-gray-800"
        >
          Reset filters
        </Link>
      )}
    </div>
  );
}
