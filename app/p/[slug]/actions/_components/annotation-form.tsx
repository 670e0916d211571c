"use client";

import { ActionAnswer } from "@/components/ui/action-answer";
import { secondaryButtonClass } from "@/components/ui/styles";
import { UntilHydrated } from "@/components/ui/until-hydrated";
import { MAX_NOTE_LENGTH } from "@/lib/annotations/note-length";
import { useFormAction } from "@/lib/forms/use-form-action";
import { addAnnotationAction, deleteAnnotationAction } from "../annotation-actions";

const box =
  "rounded-md border border-gray-300 bg-white px-2 py-1 text-sm dark:border-gray-700 dark:bg-gray-950";

/** Adds a note on a day of the chart's time axis (a launch, an outage, a campaign). */
export function AnnotationForm({ slug, today }: { slug: string; today: string }) {
  const { state, pending, onSubmit, error } = useFormAction(addAnnotationAction.bind(null, slug), {
    resetOnDone: true,
  });
  return (
    <form method="post" onSubmit={onSubmit} aria-label="Add a note to the chart" className="mt-3">
      <UntilHydrated>
        <div className="flex flex-wrap items-end gap-2">
          <label className="flex flex-col text-xs font-medium text-gray-600">
            Day
            <input
              type="date"
              name="day"
              defaultValue={today}
              min="1970-01-01"
              max="9999-12-31"
              required
              aria-invalid={error("day") ? true : undefined}
              className={box}
            />
          </label>
          <label className="flex min-w-0 flex-1 basis-48 flex-col text-xs font-medium text-gray-600">
            Note
            <input
              name="text"
              placeholder="Launched the spring campaign"
              maxLength={MAX_NOTE_LENGTH}
              required
              aria-invalid={error("text") ? true : undefined}
              className={box}
            />
          </label>
          <button type="submit" disabled={pending} className={secondaryButtonClass}>
            Add note
          </button>
        </div>
        <ActionAnswer answer={state} />
      </UntilHydrated>
    </form>
  );
}

/** Deletes a manager's note (the audit log keeps what it said). */
export function DeleteNoteButton({ slug, id, day }: { slug: string; id: number; day: string }) {
  const { state, pending, onSubmit } = useFormAction(deleteAnnotationAction.bind(null, slug));
  return (
    <form method="post" onSubmit={onSubmit} className="shrink-0">
      <UntilHydrated>
        <input type="hidden" name="id" value={id} />
        <button
          type="submit"
          disabled={pending}
          aria-label={`Delete the note of ${day}`}
          className="rounded px-1 text-xs text-gray-500 underline hover:text-red-700 focus-visible:outline focus-visible:outline-2 focus-visible:outline-blue-600"
        >
          Delete
        </button>
        <ActionAnswer answer={state} />
      </UntilHydrated>
    </form>
  );
}
