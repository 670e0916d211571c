import type { ReactNode } from "react";
import { ANNOTATION_ORIGINS } from "@/lib/annotations/annotation-origins";
import type { ChartNote } from "@/lib/annotations/chart-notes";
import { periodLabel } from "@/lib/stats/chart/period-label";

/**
 * The notes on the chart's time axis as a list under it (the markers on the chart carry their
 * numbers): day, where it comes from, the text and who wrote it; `actions` adds a manager's
 * buttons to the notes they may delete.
 */
export function ChartNotes({
  notes,
  actions,
}: {
  notes: ChartNote[];
  actions?: (note: ChartNote) => ReactNode;
}) {
  if (notes.length === 0) return null;
  return (
    <section
      aria-label="Notes on the chart"
      className="mt-3 border-t border-gray-100 pt-2 dark:border-gray-800"
    >
      <h3 className="text-xs font-medium text-gray-600 dark:text-gray-400">Notes</h3>
      <ol className="mt-1 space-y-1 text-sm">
        {notes.map((note) => (
          <li key={note.id} className="flex items-start gap-2">
            <span
              aria-hidden="true"
              className="mt-0.5 inline-flex h-5 min-w-5 shrink-0 items-center justify-center rounded-full bg-amber-500 px-1 text-xs font-semibold text-white"
            >
              {note.n}
            </span>
            <p className="min-w-0 flex-1 break-words">
              <span className="font-medium">{periodLabel(note.day, "day")}</span>
              <span className="text-gray-500"> · {ANNOTATION_ORIGINS[note.origin]}</span>
              {" — "}
              {note.text}
              {note.author && <span className="text-gray-500"> ({note.author})</span>}
            </p>
            {actions?.(note)}
          </li>
        ))}
      </ol>
    </section>
  );
}
