import Link from "next/link";
import { nextSortDirection, SortableHeader } from "@/components/ui/sortable-header";
import { PhoneCard, PhoneCards } from "@/components/ui/phone-cards";
import { TruncatedText, truncatedClass } from "@/components/ui/truncated-text";
import { cardClass, tableClass, tdClass, thClass } from "@/components/ui/styles";
import { EmptyResult } from "@/components/stats/empty-result";
import { periodOnly, serializeTabUrl, type ActionsTabFilters } from "@/lib/stats/url/search-params";
import { moneyFormatter } from "@/lib/format/format";
import {
  directoryUrl,
  type DirectoryState,
  type DirectorySort,
} from "@/lib/partners/directory-params";
import type { DirectoryPage } from "@/lib/partners/get-partner-directory";
import { partnerHref } from "@/lib/partnerships/partner-href";
import { formatDate, formatDateTime } from "@/lib/time/format";
import { dateOf } from "@/lib/time/zone";

type Column = { label: string; sort?: DirectorySort; numeric?: boolean };

const COLUMNS: Column[] = [
  { label: "Name", sort: "name" },
  { label: "Email", sort: "email" },
  { label: "Group" },
  { label: "Tags" },
  { label: "Manager" },
  { label: "Joined", sort: "joined" },
  { label: "Actions", sort: "actions", numeric: true },
  { label: "Rewards", sort: "rewards", numeric: true },
  { label: "Last action", sort: "last_action" },
];

const stickyCell = "sticky left-0 z-10 bg-white dark:bg-gray-900";

/** The directory's page of partnerships: sortable headers, partner links, next-page cursor. */
export function DirectoryTable({
  slug,
  path,
  filters,
  directory,
  page,
  currency,
  timezone,
}: {
  slug: string;
  path: string;
  filters: ActionsTabFilters;
  directory: DirectoryState;
  page: DirectoryPage;
  currency: string;
  timezone: string;
}) {
  // A partner page opens in the directory's timeframe.
  const period = serializeTabUrl("", { timeframe: filters.timeframe });
  const url = (changes: Partial<DirectoryState>) =>
    directoryUrl(path, filters, { ...directory, after: null, ...changes });
  // Numbers and dates start high-first, text A–Z.
  const sortHref = (sort: DirectorySort, numeric: boolean) => {
    const first = numeric || sort === "joined" || sort === "last_action" ? "desc" : "asc";
    return url({ sort, dir: nextSortDirection(directory.sort === sort, directory.dir, first) });
  };

  if (page.rows.length === 0 && directory.after !== null) {
    return (
      <div className={`${cardClass} p-10 text-center text-sm text-gray-500`}>
        No more partners after this point.{" "}
        <Link href={url({})} className="font-medium text-blue-600 hover:underline">
          First page
        </Link>
      </div>
    );
  }
  if (page.rows.length === 0) {
    return (
      <EmptyResult
        of="partners"
        filters={filters}
        // The same order over the same timeframe, every other filter off.
        resetHref={directoryUrl(path, periodOnly(filters), { ...directory, after: null })}
        className={`${cardClass} p-10`}
      />
    );
  }
  const money = moneyFormatter(
    page.rows.map((r) => r.rewardCents),
    currency,
  );
  const lastAction = (row: DirectoryPage["rows"][number]) =>
    row.lastActionAt === null ? "—" : formatDateTime(new Date(row.lastActionAt), timezone);
  return (
    <div className={cardClass}>
      {/* Phones: one card per partner, the numbers beside the name (the table scrolls sideways). */}
      <p className="flex flex-wrap gap-x-3 gap-y-1 border-b border-gray-100 px-3 py-2 text-xs sm:hidden dark:border-gray-800">
        <span className="text-gray-500">Sort:</span>
        {COLUMNS.flatMap((c) =>
          c.sort === undefined
            ? []
            : [
                <Link
                  key={c.sort}
                  href={sortHref(c.sort, c.numeric ?? false)}
                  aria-current={directory.sort === c.sort ? "true" : undefined}
                  className={
                    directory.sort === c.sort
                      ? "font-semibold text-gray-900 dark:text-gray-100"
                      : "text-blue-600 hover:underline"
                  }
                >
                  {c.label}
                  {directory.sort === c.sort && (directory.dir === "asc" ? " ↑" : " ↓")}
                </Link>,
              ],
        )}
      </p>
      <PhoneCards label="Partners">
        {page.rows.map((row) => (
          <PhoneCard
            key={row.id}
            title={
              <Link
                href={partnerHref(slug, row.partnerKey) + period}
                title={row.name}
                className="font-medium text-blue-600 hover:underline"
              >
                {row.name}
              </Link>
            }
            first={`${row.actions.toLocaleString("en-US")} actions`}
            subtitle={<span title={row.email}>{row.email}</span>}
            second={money(row.rewardCents)}
            footer={
              <>
                {row.group}
                {row.archivedAt && " · archived"} · last action {lastAction(row)}
              </>
            }
          />
        ))}
      </PhoneCards>
      <div className="relative hidden overflow-x-auto sm:block">
        <table className={tableClass}>
          <thead>
            <tr>
              {COLUMNS.map((c, i) => (
                <SortableHeader
                  key={c.label}
                  label={c.label}
                  href={c.sort === undefined ? undefined : sortHref(c.sort, c.numeric ?? false)}
                  sorted={c.sort !== undefined && directory.sort === c.sort ? directory.dir : null}
                  className={`${thClass} ${c.numeric ? "text-right" : ""} ${i === 0 ? stickyCell : ""}`}
                />
              ))}
            </tr>
          </thead>
          <tbody className="divide-y divide-gray-100 dark:divide-gray-800">
            {page.rows.map((row) => (
              <tr key={row.id}>
                <th scope="row" className={`${tdClass} ${stickyCell} text-left font-normal`}>
                  {/* One line: a long name is cut, whole on hover and focus. */}
                  <div className="flex items-baseline gap-2">
                    <Link
                      href={partnerHref(slug, row.partnerKey) + period}
                      title={row.name}
                      className={`${truncatedClass} max-w-52 font-medium text-blue-600 hover:underline`}
                    >
                      {row.name}
                    </Link>
                    {row.archivedAt && (
                      <span className="shrink-0 rounded bg-gray-100 px-1.5 py-0.5 text-xs text-gray-600 dark:bg-gray-800 dark:text-gray-300">
                        archived
                      </span>
                    )}
                  </div>
                </th>
                <td className={tdClass}>
                  <TruncatedText text={row.email} className="max-w-52" />
                </td>
                <td className={tdClass}>{row.group}</td>
                <td className={tdClass}>{row.tags.join(", ") || "—"}</td>
                <td className={tdClass}>{row.manager ?? "—"}</td>
                <td className={`${tdClass} whitespace-nowrap`}>
                  {formatDate(dateOf(row.joinedAt.getTime(), timezone))}
                </td>
                <td className={`${tdClass} text-right tabular-nums`}>
                  {row.actions.toLocaleString("en-US")}
                </td>
                <td className={`${tdClass} text-right tabular-nums`}>{money(row.rewardCents)}</td>
                <td className={`${tdClass} whitespace-nowrap`}>{lastAction(row)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <nav
        aria-label="Pages"
        className="flex flex-wrap items-center justify-between gap-2 border-t border-gray-100 px-3 py-2 text-sm dark:border-gray-800"
      >
        <span className="text-gray-500">
          {page.rows.length.toLocaleString("en-US")} of {page.total.toLocaleString("en-US")}{" "}
          {page.total === 1 ? "partner" : "partners"}
          {directory.after !== null && " (a later page)"}
        </span>
        <span className="flex gap-4">
          {directory.after !== null && (
            <Link href={url({})} className="text-blue-600 hover:underline">
              ← First page
            </Link>
          )}
          {page.next !== null && (
            <Link
              href={url({ after: page.next })}
              className="text-blue-600 hover:underline"
              rel="next"
            >
              Next page →
            </Link>
          )}
        </span>
      </nav>
    </div>
  );
}
