"use client";

import { cardClass } from "@/components/ui/styles";
import { keptHeight } from "./kept-height";

/**
 * A tile's placeholder while it loads: the tile's own frame and title, as tall as the tile was
 * last time it showed (`keep` names it, as its KeptHeight does), else `height` for its content.
 */
export function TileSkeleton({
  title,
  height = "h-16",
  keep = title,
}: {
  title: string;
  height?: string;
  keep?: string;
}) {
  const kept = keptHeight(keep);
  return (
    <section
      aria-label={title}
      aria-busy="true"
      data-skeleton={keep}
      style={kept ? { height: kept } : undefined}
      className={`${cardClass} min-w-0 overflow-hidden p-3 sm:p-4`}
    >
      <h2 className="text-sm font-medium text-gray-600 dark:text-gray-300">{title}</h2>
      <div className={`mt-2 ${height} animate-pulse rounded bg-gray-100 dark:bg-gray-800`} />
      <span className="sr-only">Loading {title}…</span>
    </section>
  );
}
