import { tableClass, tdClass, thClass } from "@/components/ui/styles";
import type { DrillRow } from "@/lib/stats/get-drill-down";
import type { ActionsTabFilters } from "@/lib/stats/url/search-params";
import { moneyFormatter } from "@/lib/format/format";
import { describeRewardOutcome } from "@/lib/rewards/describe-reward-outcome";
import { formatDateTime } from "@/lib/time/format";
import { PartnerLink } from "./partner-link";

// Emails, keys and type names may break anywhere: the table fits its box instead of growing.
const wrapAnywhere = "[overflow-wrap:anywhere]";

/**
 * The drill-down's actions, newest first: one row per action, the partner linked to its page.
 * Never narrower than 50rem, so on a phone its box scrolls sideways rather than crushing it.
 */
export function DrillDownTable({
  rows,
  slug,
  filters,
  timezone,
  currency,
  ruleName,
}: {
  rows: DrillRow[];
  slug: string;
  /** The view's timeframe and timescale, which each partner's link carries. */
  filters: Pick<ActionsTabFilters, "timeframe" | "timescale">;
  timezone: string;
  currency: string;
  ruleName: (id: number) => string;
}) {
  const money = moneyFormatter(
    rows.map((r) => r.rewardCents),
    currency,
  );
  return (
    <div className="min-w-[50rem]">
      <table className={tableClass}>
        <thead>
          <tr>
            <th className={thClass}>Date</th>
            <th className={thClass}>Partner</th>
            <th className={thClass}>Customer email</th>
            <th className={thClass}>Action key</th>
            <th className={thClass}>Type</th>
            <th className={`${thClass} text-right`}>Value</th>
            <th className={thClass}>Reward</th>
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
              <td className={`${tdClass} min-w-32 ${wrapAnywhere}`}>
                <PartnerLink
                  slug={slug}
                  partnerKey={row.partnerKey}
                  filters={filters}
                  className="font-medium text-blue-600 hover:underline"
                >
                  {row.partnerName}
                </PartnerLink>
                <span className="block text-xs text-gray-500">{row.partnerEmail}</span>
              </td>
              <td className={`${tdClass} ${wrapAnywhere}`}>{row.customerEmail ?? ""}</td>
              <td className={`${tdClass} font-mono text-xs ${wrapAnywhere}`}>{row.key}</td>
              <td className={`${tdClass} font-mono text-xs ${wrapAnywhere}`}>{row.actionType}</td>
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
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
