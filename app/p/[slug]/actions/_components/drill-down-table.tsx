import { SortableHeader, type SortDirection } from "@/components/ui/sortable-header";
import { tableClass, tdClass, thClass } from "@/components/ui/styles";
import { TruncatedText, truncatedClass } from "@/components/ui/truncated-text";
import type { DrillOrder, DrillRow } from "@/lib/stats/get-drill-down";
import type { ActionsTabFilters } from "@/lib/stats/url/search-params";
import { moneyFormatter } from "@/lib/format/format";
import { describeRewardOutcome } from "@/lib/rewards/describe-reward-outcome";
import { formatDateTime } from "@/lib/time/format";
import { PartnerLink } from "./partner-link";
import { PropertyChips } from "./property-chips";

// Keys are codes, not words: they may break anywhere so the table fits its box (at 1,440 px every
// column shows; names, emails and types are cut to one line instead).
const wrapAnywhere = "[overflow-wrap:anywhere]";

/**
 * The drill-down's actions in the chosen order: one row per action, the partner linked to its
 * page. Names and emails stay on one line (cut with an ellipsis, whole on hover and focus).
 * Never narrower than 60rem, so on a phone its box scrolls sideways rather than crushing it.
 */
export function DrillDownTable({
  rows,
  slug,
  filters,
  timezone,
  currency,
  ruleName,
  order,
  sortHref,
}: {
  rows: DrillRow[];
  slug: string;
  /** The view's timeframe and timescale, which each partner's link carries. */
  filters: Pick<ActionsTabFilters, "timeframe" | "timescale">;
  timezone: string;
  currency: string;
  ruleName: (id: number) => string;
  order: DrillOrder;
  /** The URL of this list sorted by a column (the next direction for the sorted one). */
  sortHref: (sort: DrillOrder["sort"]) => string;
}) {
  const money = moneyFormatter(
    rows.map((r) => r.rewardCents),
    currency,
  );
  // A page without properties (a program that sends none) gets no empty column.
  const withProperties = rows.some((row) => Object.keys(row.properties).length > 0);
  const sortable = (sort: DrillOrder["sort"], label: string, className = "") => (
    <SortableHeader
      label={label}
      href={sortHref(sort)}
      sorted={order.sort === sort ? (order.dir as SortDirection) : null}
      className={`${thClass} ${className}`}
    />
  );
  return (
    <div className="min-w-[60rem]">
      <table className={tableClass}>
        <thead>
          <tr>
            {sortable("time", "Date")}
            <th className={thClass}>Partner</th>
            <th className={thClass}>Customer email</th>
            <th className={thClass}>Action key</th>
            <th className={thClass}>Type</th>
            {sortable("value", "Value", "text-right")}
            {sortable("reward", "Reward")}
            {withProperties && <th className={thClass}>Properties</th>}
          </tr>
        </thead>
        <tbody className="divide-y divide-gray-100 dark:divide-gray-800">
          {rows.map((row) => (
            <tr key={row.id}>
              <td className={`${tdClass} whitespace-nowrap`}>
                {formatDateTime(row.occurredAt, timezone)}
                {Math.abs(row.createdAt.getTime() - row.occurredAt.getTime()) > 60_000 && (
                  <span className="block text-xs text-gray-500">
                    received {formatDateTime(row.createdAt, timezone)}
                  </span>
                )}
              </td>
              <td className={tdClass} data-testid="drill-partner">
                <div className="w-44 max-w-44">
                  <PartnerLink
                    slug={slug}
                    partnerKey={row.partnerKey}
                    filters={filters}
                    title={row.partnerName}
                    className={`${truncatedClass} font-medium text-blue-600 hover:underline`}
                  >
                    {row.partnerName}
                  </PartnerLink>
                  <TruncatedText text={row.partnerEmail} className="text-xs text-gray-500" />
                </div>
              </td>
              <td className={tdClass} data-testid="drill-customer">
                {row.customerEmail && (
                  <TruncatedText text={row.customerEmail} className="max-w-44" />
                )}
              </td>
              <td className={`${tdClass} min-w-28 font-mono text-xs ${wrapAnywhere}`}>{row.key}</td>
              <td className={tdClass}>
                <TruncatedText text={row.actionType} className="max-w-44 font-mono text-xs" />
              </td>
              <td className={`${tdClass} text-right tabular-nums`}>{row.actionValue}</td>
              <td className={`${tdClass} min-w-40`}>
                {row.rewardCents > 0 && (
                  <span className="font-medium">{money(row.rewardCents)} </span>
                )}
                <span
                  className={
                    row.rewardCents > 0 ? "text-gray-600 dark:text-gray-400" : "text-gray-500"
                  }
                >
                  {describeRewardOutcome(row.rewardOutcome, ruleName)}
                </span>
              </td>
              {withProperties && (
                <td className={`${tdClass} min-w-32`} data-testid="drill-properties">
                  <PropertyChips properties={row.properties} />
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
