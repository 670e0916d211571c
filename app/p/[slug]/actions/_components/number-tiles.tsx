import Link from "next/link";
import { percentChange } from "@/lib/actions-tab/percent-change";
import { getSummary } from "@/lib/actions-tab/query/get-summary";
import { formatTileValue, NUMBER_TILES } from "@/lib/actions-tab/number-tiles";
import type { TabScope } from "@/lib/actions-tab/query/tab-scope";
import { DownloadMenu, exportLinks } from "./download-menu";
import { Tile } from "./tile";

function Change({ current, previous }: { current: number; previous: number }) {
  if (previous === 0) {
    return (
      <p className="text-xs text-gray-500">
        {current === 0 ? "No change" : "New this period"} vs previous period
      </p>
    );
  }
  const pct = percentChange(current, previous)!;
  const up = pct > 0;
  const text = `${up ? "▲" : pct < 0 ? "▼" : "■"} ${Math.abs(pct).toFixed(1)}%`;
  return (
    <p className="text-xs text-gray-500">
      <span
        className={
          up
            ? "text-green-700 dark:text-green-400"
            : pct < 0
              ? "text-red-700 dark:text-red-400"
              : ""
        }
      >
        {text}
      </span>{" "}
      vs previous period
    </p>
  );
}

/** The five number tiles; Occurrences links to every underlying action. */
export async function NumberTiles({
  scope,
  currency,
  drillHref,
  exportBase,
  exportQuery,
}: {
  scope: TabScope;
  currency: string;
  drillHref: string;
  exportBase: string;
  exportQuery: string;
}) {
  const { current, previous } = await getSummary(scope);
  return (
    <div className="grid grid-cols-2 gap-3 sm:gap-4 md:grid-cols-3 xl:grid-cols-5">
      {NUMBER_TILES.map(({ key, title, exportName }) => (
        <Tile
          key={key}
          title={title}
          menu={
            <DownloadMenu label={title} links={exportLinks(exportBase, exportName, exportQuery)} />
          }
        >
          {/* Smaller on phones; a number still too wide for its tile wraps instead of spilling. */}
          <p
            className="text-[clamp(1.125rem,5.5vw,1.5rem)] font-semibold tabular-nums [overflow-wrap:anywhere]"
            data-testid={`tile-${key}`}
          >
            {key === "occurrences" ? (
              <Link
                href={drillHref}
                className="hover:underline"
                aria-label={`${current[key]} occurrences: show the actions`}
              >
                {formatTileValue(key, current[key], currency)}
              </Link>
            ) : (
              formatTileValue(key, current[key], currency)
            )}
          </p>
          {previous && <Change current={current[key]} previous={previous[key]} />}
        </Tile>
      ))}
    </div>
  );
}
