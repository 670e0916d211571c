"use client";

import { createContext, useCallback, useEffect, useRef, useState, type ReactNode } from "react";

/** Closes the enclosing ⋮ menu and puts focus back on its button. */
export const CloseDownloadMenu = createContext<() => void>(() => {});

/**
 * The ⋮ button and its panel: a native <details>, so it opens and works without JavaScript. With
 * it, the menu also closes on Escape, on a click outside and after a choice (focus returns to the
 * button), and the arrow keys move between the links.
 */
export function DownloadDisclosure({ label, children }: { label: string; children: ReactNode }) {
  const details = useRef<HTMLDetailsElement>(null);
  const summary = useRef<HTMLElement>(null);
  const [open, setOpen] = useState(false);

  const close = useCallback(() => {
    if (details.current) details.current.open = false;
    summary.current?.focus();
  }, []);

  useEffect(() => {
    if (!open) return;
    const onPointer = (event: PointerEvent) => {
      if (details.current && !details.current.contains(event.target as Node)) {
        details.current.open = false;
      }
    };
    document.addEventListener("pointerdown", onPointer);
    return () => document.removeEventListener("pointerdown", onPointer);
  }, [open]);

  const onKeyDown = (event: React.KeyboardEvent<HTMLDetailsElement>) => {
    if (!details.current?.open) return;
    if (event.key === "Escape") {
      event.stopPropagation();
      close();
    } else if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      const links = Array.from(details.current.querySelectorAll<HTMLAnchorElement>("a[href]"));
      const at = links.indexOf(document.activeElement as HTMLAnchorElement);
      const step = event.key === "ArrowDown" ? 1 : -1;
      const next = at === -1 ? (step === 1 ? 0 : links.length - 1) : at + step;
      links[(next + links.length) % links.length]?.focus();
    }
  };

  return (
    <details
      ref={details}
      className="relative"
      onToggle={(event) => setOpen(event.currentTarget.open)}
      onKeyDown={onKeyDown}
    >
      <summary
        ref={summary}
        aria-label={`Download ${label}`}
        title={`Download ${label}`}
        className="flex h-7 w-7 cursor-pointer list-none items-center justify-center rounded-md text-gray-500 hover:bg-gray-100 dark:hover:bg-gray-800 [&::-webkit-details-marker]:hidden"
      >
        <span aria-hidden="true">⋮</span>
      </summary>
      <div className="absolute right-0 z-20 mt-1 w-48 rounded-md border border-gray-200 bg-white py-1 shadow-lg dark:border-gray-700 dark:bg-gray-900">
        <p className="px-3 py-1 text-xs font-medium uppercase tracking-wide text-gray-500">
          Download
        </p>
        <CloseDownloadMenu value={close}>{children}</CloseDownloadMenu>
      </div>
    </details>
  );
}
