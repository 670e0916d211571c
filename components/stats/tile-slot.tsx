import { Suspense, type ReactNode } from "react";
import { KeptHeight } from "./kept-height";
import { TileSkeleton } from "./tile-skeleton";
import { TileErrorBoundary } from "./tile-error-boundary";

/**
 * Each tile streams on its own and fails on its own. While it loads, its skeleton keeps the
 * tile's last height (or `fallback`, for a slot of several tiles that each keep their own).
 */
export function TileSlot({
  title,
  height,
  children,
  viewKey,
  fallback,
}: {
  title: string;
  height?: string;
  children: ReactNode;
  /** What the tile shows: a new key shows the skeleton; an unchanged one keeps the old tile. */
  viewKey: string;
  fallback?: ReactNode;
}) {
  return (
    <TileErrorBoundary key={viewKey} title={title}>
      <Suspense key={viewKey} fallback={fallback ?? <TileSkeleton title={title} height={height} />}>
        <KeptHeight id={title}>{children}</KeptHeight>
      </Suspense>
    </TileErrorBoundary>
  );
}
