"use client";

import { useEffect, useRef, type ReactNode } from "react";

// The last height each tile had on this page, by tile name. A tile's skeleton takes it, so a
// Reload or a new page of the table swaps each tile for a placeholder of the very same box and
// nothing below it moves. Module state: it lives as long as the page does, which is all it needs.
const heights = new Map<string, number>();

/** The height a tile had when it last showed, if it has shown on this page. */
export function keptHeight(id: string): number | undefined {
  return heights.get(id);
}

/** Remembers its children's height under `id` while they show (and resize). */
export function KeptHeight({
  id,
  className,
  children,
}: {
  id: string;
  className?: string;
  children: ReactNode;
}) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    const remember = () => heights.set(id, element.getBoundingClientRect().height);
    remember();
    const observer = new ResizeObserver(remember);
    observer.observe(element);
    return () => observer.disconnect();
  }, [id]);
  return (
    <div ref={ref} className={className} data-kept-height={id}>
      {children}
    </div>
  );
}
