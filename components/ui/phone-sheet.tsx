"use client";

import { useEffect, useId, useRef, useSyncExternalStore, type ReactNode } from "react";

// Tailwind's `sm` breakpoint: the classes below switch at the same width.
const WIDE = "(min-width: 640px)";

function subscribe(onChange: () => void) {
  const query = window.matchMedia(WIDE);
  query.addEventListener("change", onChange);
  return () => query.removeEventListener("change", onChange);
}

/** Narrower than `sm`. The server cannot know: it renders the wide layout, which CSS hides. */
function useNarrow() {
  return useSyncExternalStore(
    subscribe,
    () => !window.matchMedia(WIDE).matches,
    () => false,
  );
}

/**
 * On wide screens its content in place; on phones a button that opens the content as a bottom
 * sheet: a modal `<dialog>`, so focus moves into it, the page behind is inert, Escape closes it and
 * focus returns to the button. Controlled (`open`), so the content can close it, e.g. on submit.
 */
export function PhoneSheet({
  title,
  button,
  open,
  onOpenChange,
  children,
}: {
  title: string;
  /** The button's text, e.g. "Filters (2)". */
  button: ReactNode;
  open: boolean;
  onOpenChange: (open: boolean) => void;
  children: ReactNode;
}) {
  const narrow = useNarrow();
  const dialog = useRef<HTMLDialogElement>(null);
  const trigger = useRef<HTMLButtonElement>(null);
  const titleId = useId();
  const shown = open && narrow;

  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (shown && !element.open) element.showModal();
    if (!shown && element.open) element.close();
  }, [shown]);

  return (
    <>
      <button
        ref={trigger}
        type="button"
        aria-haspopup="dialog"
        // Until the page knows it is on a phone (hydrated), there is no sheet to open.
        disabled={!narrow}
        onClick={() => onOpenChange(true)}
        className="inline-flex items-center gap-2 rounded-md border border-gray-300 bg-white px-3 py-1.5 text-sm font-medium hover:bg-gray-100 disabled:opacity-60 sm:hidden dark:border-gray-700 dark:bg-gray-900 dark:hover:bg-gray-800"
      >
        <svg
          aria-hidden="true"
          viewBox="0 0 24 24"
          className="h-4 w-4"
          fill="none"
          stroke="currentColor"
          strokeWidth="2"
        >
          <path d="M3 5h18l-7 8v6l-4 2v-8z" />
        </svg>
        {button}
      </button>
      {narrow ? (
        <dialog
          ref={dialog}
          aria-labelledby={titleId}
          // Escape, the Close button or the content closing it: focus goes back to the button.
          onClose={() => {
            onOpenChange(false);
            trigger.current?.focus();
          }}
          className="bottom-0 top-auto m-0 max-h-[85dvh] w-full max-w-none overflow-y-auto overscroll-contain rounded-t-xl bg-white text-gray-900 shadow-xl backdrop:bg-black/40 dark:bg-gray-900 dark:text-gray-100"
        >
          <div className="flex items-center justify-between border-b border-gray-200 px-4 py-2 dark:border-gray-800">
            <h2 id={titleId} className="text-base font-semibold">
              {title}
            </h2>
            <button
              type="button"
              onClick={() => onOpenChange(false)}
              className="rounded-md px-2 py-1 text-sm text-gray-600 hover:bg-gray-100 dark:text-gray-300 dark:hover:bg-gray-800"
            >
              Close
            </button>
          </div>
          {children}
        </dialog>
      ) : (
        <div className="max-sm:hidden">{children}</div>
      )}
    </>
  );
}
