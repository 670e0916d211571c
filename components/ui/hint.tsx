"use client";

import { useState, type ReactNode } from "react";

/**
 * A word with a short explanation shown on hover and on keyboard focus (the word is in the tab
 * order), hidden again by Escape; screen readers read it as the word's description. The hint is
 * placed against the nearest positioned ancestor, full width, so it never runs off a phone.
 */
export function Hint({ id, hint, children }: { id: string; hint: string; children: ReactNode }) {
  const [open, setOpen] = useState(false);
  return (
    <span onMouseEnter={() => setOpen(true)} onMouseLeave={() => setOpen(false)}>
      <span
        tabIndex={0}
        aria-describedby={id}
        onFocus={() => setOpen(true)}
        onBlur={() => setOpen(false)}
        onKeyDown={(e) => {
          if (e.key === "Escape") setOpen(false);
        }}
        className="cursor-help rounded-sm underline decoration-dotted underline-offset-2 focus:outline-none focus-visible:ring-2 focus-visible:ring-blue-500"
      >
        {children}
      </span>
      <span
        role="tooltip"
        id={id}
        hidden={!open}
        className="absolute inset-x-0 top-full z-20 mt-1 rounded bg-gray-900 px-2 py-1 text-xs text-white shadow-lg dark:bg-gray-100 dark:text-gray-900"
      >
        {hint}
      </span>
    </span>
  );
}
