/**
 * The foot of the filter bar: what the page shows (or that the draft differs from it), Discard,
 * and Reload, which submits the bar's form.
 */
export function ReloadBar({
  pending,
  dirty,
  canReload,
  onDiscard,
  showing,
}: {
  pending: boolean;
  dirty: boolean;
  canReload: boolean;
  onDiscard: () => void;
  /** What the applied filters show, e.g. "the past 30 days (Europe/Berlin)". */
  showing: string;
}) {
  return (
    // In the phone sheet it stays in view at the bottom while the filters scroll.
    <div className="mt-3 flex flex-wrap items-center justify-between gap-2 border-t border-gray-100 bg-white pt-3 max-sm:sticky max-sm:bottom-0 max-sm:pb-3 dark:border-gray-800 dark:bg-gray-900">
      <p className="text-xs text-gray-500" aria-live="polite">
        {pending
          ? "Loading the new view…"
          : dirty
            ? "You have changed filters: press Reload to apply them."
            : `Showing ${showing}.`}
      </p>
      <div className="flex items-center gap-2">
        {dirty && (
          <button
            type="button"
            onClick={onDiscard}
            className="text-sm text-gray-600 hover:underline dark:text-gray-300"
          >
            Discard changes
          </button>
        )}
        <button
          type="submit"
          disabled={!canReload || pending}
          aria-label={dirty ? "Reload with the changed filters (unapplied changes)" : "Reload"}
          // Both states carry a 1 px border, so applying the filters does not move the page by 2 px.
          className={`relative inline-flex items-center gap-2 rounded-md border px-3 py-1.5 text-sm font-medium disabled:opacity-60 ${dirty ? "border-blue-600 bg-blue-600 text-white hover:bg-blue-700" : "border-gray-300 hover:bg-gray-100 dark:border-gray-700 dark:hover:bg-gray-800"}`}
        >
          <svg
            aria-hidden="true"
            viewBox="0 0 24 24"
            className={`h-4 w-4 ${pending ? "animate-spin" : ""}`}
            fill="none"
            stroke="currentColor"
            strokeWidth="2"
          >
            <path d="M21 12a9 9 0 1 1-3-6.7L21 8" />
            <path d="M21 3v5h-5" />
          </svg>
          Reload
          {dirty && (
            <span className="absolute -right-1 -top-1 h-2.5 w-2.5 rounded-full bg-amber-400 ring-2 ring-white dark:ring-gray-900" />
          )}
        </button>
      </div>
    </div>
  );
}
