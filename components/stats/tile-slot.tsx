import { Suspense, type ReactNode } from "react";
import { TileSkeleton } from "./tile";
import { TileErrorBoundary } from "./tile-error-boundary";

/** Each tile streams on its own (skeleton while loading) and fails on its own. */
export function TileSlot({
  title,
  height,
  children,
  viewKey,
}: {
  title: string;
  height?: string;
  children: ReactNode;
  viewKey: string;
}) {
  return (
    <TileErrorBoundary key={viewKey} title={title}>
      <Suspense key={viewKey} fallback={<TileSkeleton title={title} height={height} />}>
        {children}
      </Suspense>
    </TileErrorBoundary>
  );
}
