"use client";

import Link from "next/link";
import { Menu } from "@/components/ui/menu";
import { ActionError } from "@/components/ui/action-error";
import { useFormAction } from "@/lib/forms/use-form-action";
import { deleteViewAction, saveViewAction } from "../saved-view-actions";

type SavedView = { id: number; name: string; query: string; schedules: number };

/**
 * The program's saved views: every member applies them; owners and managers (`canManage`) also
 * save and delete them. The server refuses the others too.
 */
export function SavedViews({
  slug,
  query,
  views,
  canManage,
}: {
  slug: string;
  query: string;
  views: SavedView[];
  canManage: boolean;
}) {
  return (
    // On phones its parts join the header's row, and the save form takes a row of its own.
    <div className="flex items-center gap-2 max-sm:contents">
      <Menu
        label="Saved views"
        align="right"
        button={
          <span className="whitespace-nowrap">
            Saved views{views.length ? ` (${views.length})` : ""}
          </span>
        }
      >
        {views.length === 0 && (
          <p className="px-3 py-2 text-sm text-gray-500">No saved views yet.</p>
        )}
        {views.map((view) => (
          <div
            key={view.id}
            className="flex items-center justify-between gap-2 px-3 py-1 hover:bg-gray-100 dark:hover:bg-gray-800"
          >
            <Link
              href={`/p/${slug}/actions${view.query ? `?${view.query}` : ""}`}
              className="flex-1 py-1 text-sm"
            >
              {view.name}
            </Link>
            <Link
              href={`/p/${slug}/deliveries?view=${view.id}#new`}
              aria-label={`Schedule delivery of ${view.name}`}
              title="Schedule delivery"
              className="rounded px-1 text-xs text-gray-500 hover:text-blue-600"
            >
              Schedule
            </Link>
            {canManage && <DeleteViewForm slug={slug} view={view} />}
          </div>
        ))}
      </Menu>
      {canManage && <SaveViewForm slug={slug} query={query} />}
    </div>
  );
}

function DeleteViewForm({ slug, view }: { slug: string; view: SavedView }) {
  const { refusal, onSubmit } = useFormAction(
    (_prev, form: FormData) => deleteViewAction(slug, form),
    {
      // Deleting a view stops its scheduled deliveries: say so before it happens.
      confirm: () =>
        view.schedules > 0
          ? `“${view.name}” is sent by ${view.schedules} scheduled ${view.schedules === 1 ? "delivery" : "deliveries"}; deleting it stops ${view.schedules === 1 ? "it" : "them"}. Delete?`
          : null,
    },
  );
  return (
    <form onClick={(e) => e.stopPropagation()} onSubmit={onSubmit} className="flex items-center">
      <input type="hidden" name="id" value={view.id} />
      <button
        type="submit"
        aria-label={`Delete saved view ${view.name}`}
        className="rounded px-1 text-gray-400 hover:text-red-600"
      >
        ×
      </button>
      <ActionError error={refusal?.message} />
    </form>
  );
}

function SaveViewForm({ slug, query }: { slug: string; query: string }) {
  const { state, pending, onSubmit } = useFormAction(saveViewAction.bind(null, slug, query), {
    resetOnDone: true,
  });
  return (
    <form onSubmit={onSubmit} className="flex items-center gap-1 max-sm:order-last max-sm:w-full">
      <label htmlFor="save-view-name" className="sr-only">
        Name for this view
      </label>
      <input
        id="save-view-name"
        name="name"
        placeholder="Name this view"
        maxLength={80}
        className="w-40 rounded-md border max-sm:min-w-0 max-sm:flex-1 border-gray-300 bg-white px-2 py-1 text-sm dark:border-gray-700 dark:bg-gray-950"
      />
      <button
        type="submit"
        disabled={pending}
        className="whitespace-nowrap rounded-md border border-gray-300 px-2 py-1 text-sm hover:bg-gray-100 dark:border-gray-700 dark:hover:bg-gray-800"
      >
        Save view
      </button>
      {state.message && (
        <span
          role={state.status === "error" ? "alert" : "status"}
          className={`text-xs ${state.status === "error" ? "text-red-600" : "text-green-700 dark:text-green-400"}`}
        >
          {state.message}
        </span>
      )}
    </form>
  );
}
