"use client";

import Link from "next/link";
import { useEffect, useRef, type ReactNode, type RefObject } from "react";

// Which link was followed, kept across the table's reload (the pager is a new element then), so
// the keyboard's place is the same link on the new page, or the other when the end is reached.
let followed: "previous" | "next" | null = null;

/**
 * The table's "Previous" / "Next" links. They stay where they are: no scroll to the top of the
 * page (`scroll={false}`), and focus comes back to the pager on the new page.
 */
export function TablePager({
  page,
  pageCount,
  previousHref,
  nextHref,
}: {
  page: number;
  pageCount: number;
  previousHref: string | null;
  nextHref: string | null;
}) {
  const previous = useRef<HTMLAnchorElement>(null);
  const next = useRef<HTMLAnchorElement>(null);
  useEffect(() => {
    if (followed === null) return;
    const wanted = followed === "next" ? next.current : previous.current;
    (wanted ?? next.current ?? previous.current)?.focus({ preventScroll: true });
    followed = null;
  }, []);

  return (
    <nav aria-label="Table pages" className="mt-3 flex items-center justify-between text-sm">
      <span className="text-gray-600 dark:text-gray-400" aria-live="polite">
        Page {page} of {pageCount}
      </span>
      <span className="flex gap-3">
        {previousHref && (
          <PagerLink to="previous" href={previousHref} ref={previous}>
            ← Previous
          </PagerLink>
        )}
        {nextHref && (
          <PagerLink to="next" href={nextHref} ref={next}>
            Next →
          </PagerLink>
        )}
      </span>
    </nav>
  );
}

function PagerLink({
  to,
  href,
  ref,
  children,
}: {
  to: "previous" | "next";
  href: string;
  ref: RefObject<HTMLAnchorElement | null>;
  children: ReactNode;
}) {
  return (
    <Link
      ref={ref}
      href={href}
      scroll={false}
      onClick={() => (followed = to)}
      className="text-blue-600 hover:underline"
    >
      {children}
    </Link>
  );
}
