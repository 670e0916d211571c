import Link from "next/link";
import type { ReactNode } from "react";
import { serializeTabUrl, type ActionsTabFilters } from "@/lib/stats/url/search-params";
import { partnerHref } from "@/lib/partnerships/partner-href";

/**
 * A partner's name, linked to its partner page in the view's timeframe and timescale (`filters`),
 * as the directory's links are. Not prefetched: a page of rows would otherwise ask the server
 * for a partner page per row as soon as the rows are on screen.
 */
export function PartnerLink({
  slug,
  partnerKey,
  filters,
  className = "text-blue-600 hover:underline",
  title,
  children,
}: {
  slug: string;
  partnerKey: string;
  filters: Pick<ActionsTabFilters, "timeframe" | "timescale">;
  className?: string;
  /** The full name, shown on hover where the link is truncated. */
  title?: string;
  children: ReactNode;
}) {
  const period = serializeTabUrl("", {
    timeframe: filters.timeframe,
    timescale: filters.timescale,
  });
  return (
    <Link
      href={partnerHref(slug, partnerKey) + period}
      prefetch={false}
      className={className}
      title={title}
    >
      {children}
    </Link>
  );
}
