import Link from "next/link";
import type { CSSProperties } from "react";
import { Hint } from "@/components/ui/hint";
import { percentChange } from "@/lib/stats/percent-change";
import { comparisonWords, describePreviousPeriod } from "@/lib/stats/previous-period";
import { getSummary } from "@/lib/stats/get-summary";
import { formatTileValue, NUMBER_TILES } from "@/lib/stats/number-tiles";
import type { TabScope } from "@/lib/stats/scope";
import { DownloadMenu, exportLinks } from "@/components/stats/download-menu";
import { Tile } from "@/components/stats/tile";
import { KeptHeight } from "@/components/stats/kept-height";
import { TileSkeleton } from "@/components/stats/tile-skeleton";

// The grid of the five tiles, shared by the tiles and their skeletons so both fill the same boxes.
const GRID = "grid grid-cols-2 gap-3 sm:gap-4 md:grid-cols-3 xl:grid-cols-5";
const keep = (title: string) => `Numbers: ${title}`;

/** Five skeletons in the tiles' places, each as tall as its tile last was. */
export function NumberTilesSkeleton() {
  return (
    <div className={GRID}>
      {NUMBER_TILES.map(({ key, title }) => (
        <TileSkeleton key={key} title={title} keep={keep(title)} height="h-[2.875rem]" />
      ))}
    </div>
  );
}

/** "vs previous period" (or "vs same period last year"), its dates on hover and focus. */
function VsPrevious({ id, dates, words }: Hinted) {
  if (!dates) return `vs ${words.vs}`;
  return (
    <Hint id={id} hint={`${words.title}: ${dates}`}>
      vs {words.vs}
    </Hint>
  );
}

type Hinted = { id: string; dates: string | null; words: { vs: string; title: string } };

function Change({ current, previous, hint }: { current: number; previous: number; hint: Hinted }) {
  if (previous === 0) {
    return (
      <p className="relative text-xs text-gray-500">
        {current === 0 ? "No change" : "New this period"} <VsPrevious {...hint} />
      </p>
    );
  }
  const pct = percentChange(current, previous)!;
  const up = pct > 0;
  const text = `${up ? "▲" : pct < 0 ? "▼" : "■"} ${Math.abs(pct).toFixed(1)}%`;
  return (
    <p className="relative text-xs text-gray-500">
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
      <VsPrevious {...hint} />
    </p>
  );
}

/**
 * A tile's number on one line: its font shrinks with the tile's width (container query units)
 * for its count of characters, at most 1.5rem and at least 0.875rem (past that it wraps).
 * Tabular digits are at most about 0.7em wide (DejaVu Sans Bold; most fonts less).
 */
function TileNumber({
  text,
  testId,
  link,
}: {
  text: string;
  testId: string;
  link?: { href: string; label: string };
}) {
  return (
    <div className="[container-type:inline-size]">
      <p
        className="text-[length:clamp(0.875rem,100cqi/(var(--chars)*0.72),1.5rem)] font-semibold leading-tight tabular-nums [overflow-wrap:anywhere]"
        style={{ "--chars": text.length } as CSSProperties}
        data-testid={testId}
      >
        {link ? (
          <Link href={link.href} className="hover:underline" aria-label={link.label}>
            {text}
          </Link>
        ) : (
          text
        )}
      </p>
    </div>
  );
}

/**
 * The five number tiles; Occurrences links to every underlying action. Without `drillHref` and
 * `exportBase` (a share link's page) they are numbers only.
 */
export async function NumberTiles({
  scope,
  currency,
  drillHref,
  exportBase,
  exportQuery,
}: {
  scope: TabScope;
  currency: string;
  drillHref?: string;
  exportBase?: string;
  exportQuery?: string;
}) {
  const { current, previous } = await getSummary(scope);
  const previousDates = describePreviousPeriod(scope);
  const words = comparisonWords(scope);
  return (
    <div className={GRID}>
      {NUMBER_TILES.map(({ key, title, exportName }) => (
        <KeptHeight key={key} id={keep(title)} className="min-w-0">
          <Tile
            className="h-full"
            title={title}
            menu={
              exportBase !== undefined && (
                <DownloadMenu
                  label={title}
                  links={exportLinks(exportBase, exportName, exportQuery ?? "")}
                />
              )
            }
          >
            <TileNumber
              text={formatTileValue(key, current[key], currency)}
              testId={`tile-${key}`}
              link={
                key === "occurrences" && drillHref !== undefined
                  ? { href: drillHref, label: `${current[key]} occurrences: show the actions` }
                  : undefined
              }
            />
            {previous && (
              <Change
                current={current[key]}
                previous={previous[key]}
                hint={{ id: `previous-period-${key}`, dates: previousDates, words }}
              />
            )}
          </Tile>
        </KeptHeight>
      ))}
    </div>
  );
}
