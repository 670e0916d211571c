import { Fragment, type ReactNode } from "react";
import type { DrillSelection } from "@/lib/stats/url/search-params";
import type { ActionsTabFilters } from "@/lib/stats/url/search-params";
import type { FilterDescription } from "@/lib/exports/filters-summary";
import type { PartnerAttributes } from "@/lib/partners/partner-list";
import type { DrillOrder } from "@/lib/stats/get-drill-down";
import { PartnerLink } from "./partner-link";

const ORDER_WORDS = {
  time: { desc: "newest first", asc: "oldest first" },
  value: { desc: "highest value first", asc: "lowest value first" },
  reward: { desc: "highest reward first", asc: "lowest reward first" },
} as const;

/**
 * What the drill-down lists: how many actions, of which partner (by name and email, linked to
 * its page), type and value, and every filter in force.
 */
export function DrillDownHeading({
  total,
  slug,
  drill,
  partner,
  filters,
  period,
  order,
  timezone,
  conversion = null,
  breakdown = null,
  compared = null,
}: {
  total: number;
  slug: string;
  drill: DrillSelection;
  /** The partnership `drill.partner` names; null when there is none (or no such key). */
  partner: Pick<PartnerAttributes, "partnerKey" | "name" | "email"> | null;
  filters: FilterDescription[];
  /** The view's timeframe and timescale, which the partner's link carries. */
  period: Pick<ActionsTabFilters, "timeframe" | "timescale">;
  order: DrillOrder;
  timezone: string;
  /** What a conversion's drill-down lists ("starting signup actions that converted …"). */
  conversion?: string | null;
  /** A breakdown row's actions ("partner group Gold"). */
  breakdown?: string | null;
  /** The title of the period compared with, when these are its actions (`period=compared`). */
  compared?: string | null;
}) {
  const selection: ReactNode[] = [];
  if (partner) {
    selection.push(
      <>
        Partner{" "}
        <PartnerLink
          slug={slug}
          partnerKey={partner.partnerKey}
          filters={period}
          className="font-medium text-blue-600 hover:underline"
        >
          {partner.name}
        </PartnerLink>{" "}
        ({partner.email})
      </>,
    );
  } else if (drill.partner !== null) {
    selection.push(`Partner ${drill.partner} (not in this program)`);
  }
  if (conversion) selection.push(conversion);
  if (breakdown) selection.push(breakdown);
  if (drill.type !== null) selection.push(`action type ${drill.type}`);
  if (drill.value !== null) selection.push(`value ${drill.value}`);
  if (!selection.length) selection.push("All actions matching the tab's filters");
  if (compared) selection.push(`in the period compared with (${compared.toLowerCase()})`);

  return (
    // Names, emails and keys can be longer than a phone is wide: they break only where a line
    // cannot hold them whole.
    <div className="min-w-0 break-words">
      <h1 className="text-2xl font-semibold">
        <span data-testid="drill-total">{total.toLocaleString("en-US")}</span> action
        {total === 1 ? "" : "s"}
      </h1>
      <p className="mt-1 text-sm text-gray-600 dark:text-gray-400" data-testid="drill-selection">
        {[...selection, ORDER_WORDS[order.sort][order.dir], `times in ${timezone}`].map(
          (part, i) => (
            <Fragment key={i}>
              {i > 0 && " · "}
              {part}
            </Fragment>
          ),
        )}
      </p>
      <h2 className="sr-only">Filters in force</h2>
      <dl className="mt-2 flex flex-wrap gap-x-4 gap-y-1 text-sm" data-testid="drill-filters">
        {filters.map((d) => (
          // The label stays on one line with the start of its value; the value wraps after it.
          <div key={d.name} className="min-w-0">
            <dt className="inline whitespace-nowrap text-gray-500">{`${d.label}:\u00a0`}</dt>
            <dd className="inline font-medium">{d.value}</dd>
          </div>
        ))}
      </dl>
    </div>
  );
}
