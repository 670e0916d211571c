"use client";

import { useRouter } from "next/navigation";
import { ActionAnswer } from "@/components/ui/action-answer";
import { secondaryButtonClass } from "@/components/ui/styles";
import { useFormAction } from "@/lib/forms/use-form-action";
import { saveViewAction, updateViewAction, type SaveViewState } from "../saved-view-actions";
import { savedViewHref } from "@/lib/saved-views/saved-view-href";
import { UntilHydrated } from "@/components/ui/until-hydrated";

export const nameBox =
  "min-w-0 flex-1 rounded-md border border-gray-300 bg-white px-2 py-1 text-sm dark:border-gray-700 dark:bg-gray-950";

/** Saves the applied filters as a new view, then opens it (`view=<id>` in the URL). */
export function SaveViewForm({ slug, query }: { slug: string; query: string }) {
  const router = useRouter();
  const { state, pending, onSubmit, error } = useFormAction(
    saveViewAction.bind(null, slug, query),
    {
      resetOnDone: true,
      onAnswer: (answer: SaveViewState) => {
        if (answer.status === "saved") {
          router.replace(savedViewHref(slug, { id: answer.id, query }), { scroll: false });
        }
      },
    },
  );
  return (
    <form
      method="post"
      onSubmit={onSubmit}
      className="border-t border-gray-100 pt-2 dark:border-gray-800"
    >
      <UntilHydrated>
        <label htmlFor="save-view-name" className="px-1 text-xs font-medium text-gray-600">
          Save the current filters as a new view
        </label>
        <div className="mt-1 flex items-center gap-1">
          <input
            id="save-view-name"
            name="name"
            placeholder="Name this view"
            maxLength={80}
            aria-invalid={error("name") ? true : undefined}
            className={nameBox}
          />
          <button type="submit" disabled={pending} className={secondaryButtonClass}>
            Save view
          </button>
        </div>
        <ActionAnswer answer={state} />
      </UntilHydrated>
    </form>
  );
}

/** Gives the view the page was opened from the applied filters. */
export function UpdateViewForm({
  slug,
  query,
  view,
}: {
  slug: string;
  query: string;
  view: { id: number; name: string };
}) {
  const { state, pending, onSubmit } = useFormAction(updateViewAction.bind(null, slug, query));
  return (
    <form method="post" onSubmit={onSubmit} className="px-1">
      <UntilHydrated>
        <input type="hidden" name="id" value={view.id} />
        <button type="submit" disabled={pending} className={`${secondaryButtonClass} w-full`}>
          Update “{view.name}” with these filters
        </button>
        <ActionAnswer answer={state} />
      </UntilHydrated>
    </form>
  );
}
