import Link from "next/link";

export type SortDirection = "asc" | "desc";

/**
 * The direction a click on a column's header asks for: the sorted column flips; another column
 * starts in its own first direction (numbers and dates high-first, text A–Z).
 */
export function nextSortDirection(
  sorted: boolean,
  dir: SortDirection,
  first: SortDirection,
): SortDirection {
  if (!sorted) return first;
  return dir === "desc" ? "asc" : "desc";
}

/**
 * A table's column header that sorts by following a link: an arrow shows the order, `aria-sort`
 * says it. Without `href` the column is not sortable and the header is its label only.
 */
export function SortableHeader({
  label,
  href,
  sorted,
  className,
}: {
  label: string;
  href?: string;
  /** The order when the table is sorted by this column, null when by another. */
  sorted: SortDirection | null;
  className: string;
}) {
  if (href === undefined) {
    return (
      <th scope="col" className={className}>
        {label}
      </th>
    );
  }
  return (
    <th
      scope="col"
      className={className}
      aria-sort={sorted === null ? "none" : sorted === "asc" ? "ascending" : "descending"}
    >
      <Link
        href={href}
        className="inline-flex items-center gap-1 hover:text-gray-900 dark:hover:text-gray-100"
      >
        {label}
        <span aria-hidden="true">{sorted === null ? "↕" : sorted === "asc" ? "↑" : "↓"}</span>
      </Link>
    </th>
  );
}
