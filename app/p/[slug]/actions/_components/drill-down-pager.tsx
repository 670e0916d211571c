import Link from "next/link";
import type { DrillOrder } from "@/lib/stats/get-drill-down";
import { DRILL_PAGE_SIZES } from "@/lib/stats/url/search-params";

/** What the previous and next pages hold, in the order's words. */
function pageWords(order: DrillOrder): [previous: string, next: string] {
  if (order.sort !== "time") return ["← Previous", "Next →"];
  return order.dir === "desc" ? ["← Newer", "Older →"] : ["← Older", "Newer →"];
}

/** The drill-down's paging: the pages either side of this one, and how many actions a page has. */
export function DrillDownPager({
  order,
  perPage,
  previousHref,
  nextHref,
  perPageHref,
}: {
  order: DrillOrder;
  perPage: number;
  /** null on the first page / the last page. */
  previousHref: string | null;
  nextHref: string | null;
  perPageHref: (size: number) => string;
}) {
  const [previous, next] = pageWords(order);
  return (
    <nav
      aria-label="Action pages"
      className="flex flex-wrap items-center justify-between gap-x-6 gap-y-2 text-sm"
    >
      <span className="flex gap-4">
        {previousHref && (
          <Link href={previousHref} className="text-blue-600 hover:underline" rel="prev">
            {previous}
          </Link>
        )}
        {nextHref && (
          <Link href={nextHref} className="text-blue-600 hover:underline" rel="next">
            {next}
          </Link>
        )}
      </span>
      <span className="flex items-center gap-2" role="group" aria-label="Actions per page">
        <span className="text-gray-500">Per page:</span>
        {DRILL_PAGE_SIZES.map((size) =>
          size === perPage ? (
            <span key={size} aria-current="true" className="font-semibold">
              {size}
            </span>
          ) : (
            <Link
              key={size}
              href={perPageHref(size)}
              className="text-blue-600 hover:underline"
              aria-label={`${size} per page`}
            >
              {size}
            </Link>
          ),
        )}
      </span>
    </nav>
  );
}
